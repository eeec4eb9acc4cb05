buckets = {
  invoices = {}
  website  = { public_website = true }
}
