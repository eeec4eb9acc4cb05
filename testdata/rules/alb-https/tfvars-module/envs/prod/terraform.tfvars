https_enabled = true
