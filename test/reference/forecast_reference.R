# Reference fixtures for the forecast models (issue #12), from Debian's R package r-cran-forecast.
# Reads test/reference/fixtures/forecast-series.json (forecast_series.mjs) and writes
# test/reference/fixtures/forecast-r.json:
#   arima:   Arima() with fixed orders on three series: log-likelihood, AICc, coefficients and the
#            60-step forecasts with their 95% bounds;
#   auto:    auto.arima() and ets() with their defaults on every series (frequency 7): the orders,
#            differencing, the chosen ETS form and AICc, plus ndiffs()/nsdiffs().
# Prophet's fixtures: test/reference/prophet_reference.R (fixtures/prophet-r.json).
# Run from the repository root: Rscript test/reference/forecast_reference.R
suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})
series <- fromJSON("test/reference/fixtures/forecast-series.json")
h <- 60
out <- list(
  versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
  horizon = h, arima = list(), auto = list()
)

fixed <- list(
  list(series = "uci", order = c(1, 0, 1), seasonal = c(0, 1, 1)),
  list(series = "demo-A05", order = c(2, 0, 0), seasonal = c(1, 1, 0)),
  list(series = "demo-total", order = c(0, 1, 1), seasonal = c(0, 1, 1))
)
for (f in fixed) {
  y <- ts(series[[f$series]]$values, frequency = 7)
  fit <- Arima(y, order = f$order, seasonal = f$seasonal, method = "CSS-ML")
  fc <- forecast(fit, h = h, level = c(80, 95))
  out$arima[[length(out$arima) + 1]] <- list(
    series = f$series, order = f$order, seasonal = f$seasonal,
    loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2, coef = as.list(coef(fit)),
    fitted = as.numeric(fitted(fit)),
    mean = as.numeric(fc$mean), lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2])
  )
}

for (name in names(series)) {
  y <- ts(series[[name]]$values, frequency = 7)
  a <- auto.arima(y)
  e <- ets(y)
  out$auto[[length(out$auto) + 1]] <- list(
    series = name, ndiffs = ndiffs(y), nsdiffs = nsdiffs(y),
    arima = list(order = as.numeric(arimaorder(a)[1:3]),
                 seasonal = if (length(arimaorder(a)) > 3) as.numeric(arimaorder(a)[4:6]) else c(0, 0, 0),
                 drift = "drift" %in% names(coef(a)), mean = "intercept" %in% names(coef(a)),
                 aicc = a$aicc, loglik = a$loglik, label = capture.output(print(a))[2]),
    ets = list(method = e$method, aicc = e$aicc, loglik = e$loglik)
  )
}

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "test/reference/fixtures/forecast-r.json")
cat("wrote test/reference/fixtures/forecast-r.json\n")
