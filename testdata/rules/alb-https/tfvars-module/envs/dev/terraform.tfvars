https_enabled = false # no certificate for the dev domain
