#!/usr/bin/env Rscript
# Reference values of the BG/NBD and Gamma-Gamma formulas on the CDNOW summary
# (test/fixtures/cdnow/cdnow-summary.json, from cdnow_summary.mjs), evaluated in R at the
# published parameters with base R's lgamma and GSL's 2F1 (package gsl, gsl_sf_hyperg_2F1) —
# the formulas of Fader, Hardie & Lee (2005), eq. 6, 10 and 13, and Fader & Hardie (2013),
# written directly (no Euler transformation), so core/analysis/value is checked against a
# second implementation. Writes test/fixtures/cdnow/cdnow-bgnbd-r.json.
#
#   Rscript test/reference/cdnow_bgnbd.R
suppressMessages({ library(jsonlite); library(gsl) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
fx <- fromJSON(file.path(here, "../fixtures/cdnow/cdnow-summary.json"))
cu <- fx$customers
x <- as.numeric(cu[, 2]); tx <- as.numeric(cu[, 3]); TT <- as.numeric(cu[, 4]); m <- as.numeric(cu[, 5]); xh <- as.numeric(cu[, 6])
r <- 0.243; alpha <- 4.414; a <- 0.793; b <- 2.426
p <- 6.25; q <- 3.74; g <- 15.44

A1 <- lgamma(r + x) - lgamma(r) + r * log(alpha)
A2 <- lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x)
A3 <- -(r + x) * log(alpha + TT)
A4 <- ifelse(x > 0, log(a) - log(pmax(b + x - 1, 1e-300)) - (r + x) * log(alpha + tx), -Inf)
ll <- A1 + A2 + log(exp(A3) + exp(A4))

palive <- ifelse(x > 0, 1 / (1 + a / (b + x - 1) * ((alpha + TT) / (alpha + tx))^(r + x)), 1)
cond <- function(t) {
  z <- t / (alpha + TT + t)
  f <- mapply(function(A, B, C, Z) hyperg_2F1(A, B, C, Z), r + x, b + x, a + b + x - 1, z)
  (a + b + x - 1) / (a - 1) * (1 - ((alpha + TT) / (alpha + TT + t))^(r + x) * f) * palive
}
e39 <- cond(39)
keep <- x > 0
llgg <- lgamma(p * x[keep] + q) - lgamma(p * x[keep]) - lgamma(q) + q * log(g) + (p * x[keep] - 1) * log(m[keep]) +
  p * x[keep] * log(x[keep]) - (p * x[keep] + q) * log(g + x[keep] * m[keep])
spend <- (p * (g + x * m)) / (p * x + q - 1)

grp <- pmin(x, 7)
out <- list(
  generator = "test/reference/cdnow_bgnbd.R (R lgamma, gsl::hyperg_2F1)",
  bgnbd = list(r = r, alpha = alpha, a = a, b = b), gammaGamma = list(p = p, q = q, gamma = g),
  bgnbdLogLik = sum(ll), gammaGammaLogLik = sum(llgg),
  first = list(n = 50, pAlive = palive[1:50], expected39 = e39[1:50], spend = spend[1:50]),
  groups = lapply(0:7, function(k) list(frequency = k, customers = sum(grp == k), actual = mean(xh[grp == k]), predicted = mean(e39[grp == k])))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), file.path(here, "../fixtures/cdnow/cdnow-bgnbd-r.json"))
cat(sprintf("LL %.6f, GG LL %.6f, E[Y(39)] sum %.4f\n", sum(ll), sum(llgg), sum(e39)))
