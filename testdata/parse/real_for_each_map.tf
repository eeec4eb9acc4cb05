resource "aws_s3_bucket" "this" {
  for_each = toset(var.bucket_names)
  bucket   = "${local.name_prefix}-${each.key}"
  tags     = merge(local.common_tags, { Name = each.value })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = contains(var.versioned, each.key) ? "Enabled" : "Suspended"
  }
}

resource "aws_route53_record" "records" {
  for_each = {
    for r in var.records : "${r.name}.${r.type}" => r
    if r.enabled
  }
  zone_id = var.zone_id
  name    = each.value.name
  type    = each.value.type
  ttl     = lookup(each.value, "ttl", 300)
  records = each.value.values
}
