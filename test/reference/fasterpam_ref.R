# Reference outputs of R's cluster::pam on real LRFMV customers, for FasterPAM (issue #10, point 6):
#   test/reference/fixtures/pam-lrfmv-3000x5.json   3,000 customers, k = 4 (read by kmedoids.test.ts)
#   test/reference/fixtures/pam-lrfmv-25000x5.json  25,000 customers, k = 4, only the optimum
#                                                    (read by bench/kmedoids.mjs; `--exact` only)
# Needs Debian r-base-core and r-cran-cluster, base R only (no jsonlite). Input: the LRFMV feature
# export (z-scores) of an lrfmv-kmedoids run on the `full` demo, made from the repository root with
#   node dist/cli.mjs demo --project /tmp/full.sqlite --size full --seed 1
#   node dist/cli.mjs run lrfmv-kmedoids --project /tmp/full.sqlite --param k=4 --json   # → runId R
#   node dist/cli.mjs export --project /tmp/full.sqlite --run R --what features --out /tmp/lrfmv.csv
#   Rscript test/reference/fasterpam_ref.R /tmp/lrfmv.csv [--exact]
# (bench/kmedoids.mjs makes the same export). The 3,000-customer subset is drawn with R's
# set.seed(20261207) + sample(); its rows are rounded to 6 decimals and R computes on exactly the
# doubles the JSON holds. totalDeviation = objective["swap"] * n, the SUM of the distances of every
# customer to its medoid (not R's mean); medoids and clustering are 0-based rows of the subset.
# --exact: pam(x, 4) on the first 25,000 rows of the export (about 2.5 GB for R's dissimilarities),
# unrounded; that fixture holds the optimum only (the rows come from the export). Slow: it had not
# finished after 83 minutes (16.5 CPU minutes) on the shared 2-core machine, so the fixture is not
# committed; bench/kmedoids.mjs computes PAM's optimum with pamLarge (R's medoids on every fixture).
suppressPackageStartupMessages(library(cluster))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript test/reference/fasterpam_ref.R FEATURES.csv [--exact]")
features <- read.csv(args[1], fileEncoding = "UTF-8-BOM", check.names = FALSE)
cols <- c("length", "recency", "frequency", "monetary", "volume")
all <- as.matrix(features[, cols])
source_text <- sprintf("R %s, cluster %s: pam(x, 4, metric=\\\"euclidean\\\", stand=FALSE)", getRversion(), packageVersion("cluster"))

num6 <- function(x) paste(sprintf("%.6f", x), collapse = ",")
int <- function(x) paste(sprintf("%d", as.integer(x)), collapse = ",")

set.seed(20261207)
rows <- sort(sample(nrow(all), 3000))
x <- matrix(as.numeric(sprintf("%.6f", all[rows, ])), ncol = length(cols))
n <- nrow(x)
t0 <- proc.time()[["elapsed"]]
fit <- pam(x, 4, metric = "euclidean", stand = FALSE, do.swap = TRUE)
secs <- proc.time()[["elapsed"]] - t0
json <- sprintf(paste0('{"name":"lrfmv-3000x5","source":"%s","input":"seeded 3,000-row subset (R set.seed(20261207), sample) of the LRFMV z-scores of the full demo (seed 1, %d customers), rounded to 6 decimals",',
                       '"n":%d,"d":%d,"subsetOf":%d,"rows":[%s],"data":[%s],"runs":[{"k":4,"medoids":[%s],"totalDeviation":%s,"buildTotal":%s,"rSeconds":%.2f,"clustering":[%s]}]}\n'),
                source_text, nrow(all), n, ncol(x), nrow(all), int(rows - 1L), num6(t(x)), int(fit$id.med - 1L),
                sprintf("%.17g", fit$objective[["swap"]] * n), sprintf("%.17g", fit$objective[["build"]] * n), secs, int(fit$clustering - 1L))
path <- file.path("test", "reference", "fixtures", "pam-lrfmv-3000x5.json")
cat(json, file = path)
cat(path, file.size(path), "bytes; total deviation", fit$objective[["swap"]] * n, "in", secs, "s\n")

if ("--exact" %in% args) {
  m <- 25000L
  x <- all[seq_len(m), ]
  t0 <- proc.time()[["elapsed"]]
  fit <- pam(x, 4, metric = "euclidean", stand = FALSE, do.swap = TRUE)
  secs <- proc.time()[["elapsed"]] - t0
  json <- sprintf('{"name":"lrfmv-25000x5","source":"%s","input":"the first 25,000 rows of the LRFMV z-score export of the full demo (seed 1), unrounded","n":%d,"d":5,"k":4,"medoids":[%s],"totalDeviation":%s,"buildTotal":%s,"rSeconds":%.1f}\n',
                  source_text, m, int(fit$id.med - 1L), sprintf("%.17g", fit$objective[["swap"]] * m), sprintf("%.17g", fit$objective[["build"]] * m), secs)
  path <- file.path("test", "reference", "fixtures", "pam-lrfmv-25000x5.json")
  cat(json, file = path)
  cat(path, "total deviation", fit$objective[["swap"]] * m, "in", secs, "s\n")
}
