resource "aws_route53_record" "r" {
  for_each = [for r in var.records : r.name => r]
  name     = each.value.name
}
