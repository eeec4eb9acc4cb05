moved {
  from = aws_instance.web
  to   = aws_instance.app[0]
}

moved {
  from = module.old_name
  to   = module.new_name
}

import {
  to = aws_s3_bucket.legacy
  id = "legacy-bucket-name"
}

import {
  for_each = var.existing_buckets
  to       = aws_s3_bucket.imported[each.key]
  id       = each.value
}
