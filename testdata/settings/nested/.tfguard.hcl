fail_on = "error"
