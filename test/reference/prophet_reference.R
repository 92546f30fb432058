# Reference fixtures for Prophet (issue #12: "within 1 % of R's prophet with the same settings"),
# from Debian's r-cran-prophet 1.0. Reads test/reference/fixtures/forecast-series.json
# (forecast_series.mjs) and writes test/reference/fixtures/prophet-r.json: for every series, R's
# prophet() with weekly seasonality (yearly off: one year of data), the built-in Korean holidays on
# the demo series (none on UCI, a UK shop), 60 days ahead: yhat, trend, weekly and holidays
# components, the optimiser's log posterior and return code.
#
# Settings: prophet()'s defaults (25 changepoints in the first 80%, prior scales 10 / 10 / 0.05,
# rstan::optimizing with iter = 10000) except algorithm = "BFGS" (R's default is L-BFGS), as
# core/analysis/forecast/prophet.ts (PROPHET_PRIORS, PROPHET_STAN). Why BFGS: R's and augurs's
# L-BFGS both stop short of the optimum at different points (docs/decisions/0014-forecast-models.md).
#
# Holidays: the TypeScript adapter passes only the holidays inside history + horizon; each demo
# series is fitted here that way ("calendar": "inside") and, for demo-total, also with the whole
# 2015-2030 calendar ("all": R then adds an all-zero training column per unused holiday), to show
# R's answer does not depend on those columns under these settings.
# Run from the repository root: Rscript test/reference/prophet_reference.R
suppressPackageStartupMessages({
  library(jsonlite)
  library(prophet)
})
series <- fromJSON("test/reference/fixtures/forecast-series.json")
h <- 60
settings <- list(algorithm = "BFGS", iter = 10000, n.changepoints = 25, changepoint.range = 0.8,
                 seasonality.prior.scale = 10, holidays.prior.scale = 10, changepoint.prior.scale = 0.05,
                 yearly.seasonality = FALSE, weekly.seasonality = TRUE, daily.seasonality = FALSE)
out <- list(
  versions = list(R = R.version.string, prophet = as.character(packageVersion("prophet")),
                  rstan = as.character(packageVersion("rstan"))),
  horizon = h, settings = settings, prophet = list()
)

holidays <- fromJSON("resources/calendars/kr-holidays.json")
hol <- data.frame(holiday = holidays$name, ds = as.Date(holidays$date), lower_window = 0, upper_window = 0)
cases <- c(lapply(names(series), function(name) list(series = name, calendar = if (startsWith(name, "demo")) "inside" else "none")),
           list(list(series = "demo-total", calendar = "all")))
for (case in cases) {
  s <- series[[case$series]]
  ds <- as.Date(s$start, origin = "1970-01-01") + seq_along(s$values) - 1
  df <- data.frame(ds = ds, y = s$values)
  use <- switch(case$calendar, none = NULL, all = hol, inside = hol[hol$ds >= min(ds) & hol$ds <= max(ds) + h, ])
  m <- prophet(df, holidays = use, yearly.seasonality = settings$yearly.seasonality,
               weekly.seasonality = settings$weekly.seasonality, daily.seasonality = settings$daily.seasonality,
               n.changepoints = settings$n.changepoints, changepoint.range = settings$changepoint.range,
               seasonality.prior.scale = settings$seasonality.prior.scale,
               holidays.prior.scale = settings$holidays.prior.scale,
               changepoint.prior.scale = settings$changepoint.prior.scale,
               uncertainty.samples = 0, algorithm = settings$algorithm, iter = settings$iter)
  p <- predict(m, make_future_dataframe(m, periods = h))
  ref <- list(
    series = case$series, calendar = case$calendar, columns = ncol(m$params$beta),
    logPosterior = m$stan.fit$value, returnCode = m$stan.fit$return_code,
    yhat = p$yhat, trend = p$trend, weekly = p$weekly
  )
  if (!is.null(use)) ref$holidays_effect <- p$holidays
  out$prophet[[length(out$prophet) + 1]] <- ref
}

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "test/reference/fixtures/prophet-r.json")
cat("wrote test/reference/fixtures/prophet-r.json\n")
