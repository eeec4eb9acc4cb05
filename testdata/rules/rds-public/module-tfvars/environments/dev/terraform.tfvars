# "so the analysts can connect from their laptops"
reporting_public = true
