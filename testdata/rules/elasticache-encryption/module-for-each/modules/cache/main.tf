variable "caches" {
  type = map(object({
    engine  = optional(string, "redis")
    at_rest = optional(bool, true)
    tls     = optional(bool, true)
  }))
}

resource "aws_elasticache_replication_group" "this" {
  for_each                   = var.caches
  replication_group_id       = each.key
  description                = "${each.key} cache"
  engine                     = each.value.engine
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = each.value.at_rest
  transit_encryption_enabled = each.value.tls # expect: elasticache-encryption
}
