reporting_public = false
