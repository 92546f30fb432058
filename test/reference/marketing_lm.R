# Reference for the marketing-response regression (core/analysis/marketing/ols-hac.ts, issue #11):
# OLS of daily sales on two channels' spend at lags 0..7 by R's lm, with Newey–West (1987) HAC
# standard errors from sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE).
# Writes test/reference/fixtures/marketing-lm.json (read by test/unit/analysis/marketing/ols-hac.test.ts).
# Needs Debian r-base-core and r-cran-sandwich; base R otherwise (JSON written by hand).
#   Rscript test/reference/marketing_lm.R
# Two cases on simulated days (set.seed(20261207)): "daily" — online spend varies daily, offline
# weekly plus daily noise, sales = 500 + 3·online(t−1) + 0.5·offline(t) + AR(1) noise; "weekly" —
# offline spend constant within each week (as Kaggle's Marketing_Spend.csv), where some lag columns
# may be collinear and lm reports NA (aliased).
suppressPackageStartupMessages(library(sandwich))
set.seed(20261207)

num <- function(x) paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ",")

make_case <- function(name, days, weekly_noise) {
  online <- round(runif(days, 1000, 5000), 2)
  week <- rep(sample(seq(500, 5000, by = 500), ceiling(days / 7), replace = TRUE), each = 7)[1:days]
  offline <- week + if (weekly_noise) round(rnorm(days, 0, 50), 2) else 0
  e <- as.numeric(arima.sim(list(ar = 0.5), days, sd = 300))
  lagged <- function(x, l) c(rep(NA, l), x[1:(days - l)])
  sales <- 500 + 3 * lagged(online, 1) + 0.5 * offline + e
  X <- cbind(sapply(0:7, function(l) lagged(online, l)), sapply(0:7, function(l) lagged(offline, l)))
  keep <- 8:days
  X <- X[keep, ]
  y <- round(sales[keep], 4)
  colnames(X) <- c(paste0("online_l", 0:7), paste0("offline_l", 0:7))
  fit <- lm(y ~ X)
  n <- length(y)
  L <- floor(4 * (n / 100)^(2 / 9))
  V <- NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)
  co <- coef(fit)
  se <- rep(NA, length(co))
  ok <- !is.na(co)
  se[ok] <- sqrt(diag(V))
  s <- summary(fit)
  sprintf('{"name":"%s","n":%d,"p":%d,"hacLag":%d,"X":[%s],"y":[%s],"coef":[%s],"se":[%s],"r2":%s,"adjR2":%s}',
          name, n, ncol(X) + 1, L, num(t(cbind(1, X))), num(y), num(co), num(se), num(s$r.squared), num(s$adj.r.squared))
}

cases <- c(make_case("daily", 220, TRUE), make_case("weekly", 180, FALSE))
out <- sprintf('{"source":"R %s, sandwich %s: lm(y ~ X); NeweyWest(fit, lag = floor(4 (n/100)^(2/9)), prewhite = FALSE, adjust = FALSE)","cases":[%s]}\n',
               getRversion(), packageVersion("sandwich"), paste(cases, collapse = ","))
writeLines(out, "test/reference/fixtures/marketing-lm.json", sep = "")
cat("wrote test/reference/fixtures/marketing-lm.json\n")
