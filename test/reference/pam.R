# Reference outputs of R's cluster::pam for test/unit/analysis/segment/kmedoids.test.ts.
# Run from the repository root: Rscript test/reference/pam.R
# Needs Debian r-base-core and r-cran-cluster; writes test/reference/fixtures/pam-*.json with base R
# only (no jsonlite). Inputs are rounded to 8 decimals and R computes on the rounded values;
# medoids are converted to 0-based row indices; totalDeviation = objective["swap"] * n.
suppressPackageStartupMessages(library(cluster))

num <- function(x) paste(sprintf("%.17g", x), collapse = ",")
int <- function(x) paste(sprintf("%d", as.integer(x)), collapse = ",")

write_fixture <- function(name, x, ks) {
  x <- round(x, 8)
  n <- nrow(x); d <- ncol(x)
  runs <- vapply(ks, function(k) {
    fit <- pam(x, k, metric = "euclidean", stand = FALSE, do.swap = TRUE)
    sprintf('{"k":%d,"medoids":[%s],"totalDeviation":%s,"buildTotal":%s,"clustering":[%s]}',
            k, int(fit$id.med - 1L), sprintf("%.17g", fit$objective[["swap"]] * n),
            sprintf("%.17g", fit$objective[["build"]] * n), int(fit$clustering - 1L))
  }, character(1))
  json <- sprintf('{"name":"%s","source":"R %s, cluster %s: pam(x, k, metric=\\"euclidean\\", stand=FALSE)","n":%d,"d":%d,"data":[%s],"runs":[%s]}\n',
                  name, getRversion(), packageVersion("cluster"), n, d, num(t(x)), paste(runs, collapse = ","))
  path <- file.path("test", "reference", "fixtures", paste0("pam-", name, ".json"))
  cat(json, file = path)
  cat(path, file.size(path), "bytes\n")
}

set.seed(20261123)
# Three Gaussian blobs in 2-d, 100 points each.
centres <- rbind(c(0, 0), c(5, 1), c(2, 6))
blobs <- do.call(rbind, lapply(1:3, function(g) cbind(rnorm(100, centres[g, 1]), rnorm(100, centres[g, 2]))))
write_fixture("blobs-300x2", blobs, c(2L, 3L, 4L))

# Four overlapping groups in 5-d with unequal spreads, 800 points.
g <- sample(1:4, 800, replace = TRUE)
means5 <- matrix(rnorm(20, sd = 2.5), 4, 5)
x5 <- means5[g, ] + matrix(rnorm(800 * 5), 800, 5) * c(0.8, 1, 1.3, 1.6)[g]
write_fixture("gauss-800x5", x5, c(3L, 4L))

# 2,000 points in 3-d: skewed (log-normal) spend-like features, no clear clusters.
x3 <- cbind(rlnorm(2000, 0, 0.6), rgamma(2000, 2, 1), rnorm(2000) + rexp(2000))
write_fixture("skewed-2000x3", x3, c(3L, 4L))
