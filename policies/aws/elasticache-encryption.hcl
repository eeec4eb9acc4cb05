policy "elasticache-encryption" {
  severity          = "warning"
  summary           = "ElastiCache replication groups should encrypt data at rest and in transit"
  tags              = ["security"]
  security_severity = "5.5"

  description = <<-EOT
    ## What fails

    An `aws_elasticache_replication_group` (Redis OSS or Valkey) gets one
    finding for each of the two settings that is missing, so that fixing one
    leaves the other visible and each has its own place and fingerprint:

    - **at rest**: `at_rest_encryption_enabled` is not `true`. Left out, it
      is `false` for the `redis` engine (the default engine) and `true` for
      `valkey`, as AWS and the provider document; a Valkey group that leaves
      it out passes.
    - **in transit**: `transit_encryption_enabled` is not `true` (left out:
      `false`), or it is `true` but `transit_encryption_mode = "preferred"`,
      the migration mode in which the group still accepts unencrypted
      connections.

    Not checked: a group that joins a global datastore
    (`global_replication_group_id` set); it takes both settings from the
    global datastore's primary group, which is checked. Serverless caches
    (`aws_elasticache_serverless_cache`) are always encrypted. A setting, or
    the engine, known only at apply leaves that check undecided.

    ## Why

    A cache is rarely "just a cache": sessions, authentication tokens,
    rendered pages with personal data and job queues live in Redis. Without
    in-transit encryption every command and reply crosses the VPC in clear
    text, readable by anything that can see the traffic (a compromised
    instance in the same subnet, VPC traffic mirroring), and Redis AUTH
    tokens and RBAC passwords can only be used with TLS on. Without at-rest
    encryption, swap files, sync data and the backups ElastiCache exports to
    S3 are written in clear. Both can only be chosen when the group is
    created (in-transit can since be migrated with the `preferred` mode),
    so deciding later means a new group and a data migration.
  EOT

  bad_example = <<-EOT
    resource "aws_elasticache_replication_group" "sessions" {
      replication_group_id = "sessions"
      description          = "user sessions"
      engine               = "redis"
      node_type            = "cache.t4g.small"
      num_cache_clusters   = 2
    }
  EOT

  good_example = <<-EOT
    resource "aws_elasticache_replication_group" "sessions" {
      replication_group_id       = "sessions"
      description                = "user sessions"
      engine                     = "redis"
      node_type                  = "cache.t4g.small"
      num_cache_clusters         = 2
      at_rest_encryption_enabled = true
      transit_encryption_enabled = true
      auth_token                 = var.sessions_auth_token
    }
  EOT

  resource = "aws_elasticache_replication_group"

  # Members of a global datastore take their encryption from its primary.
  when = !(
    self.global_replication_group_id != null ||
    length(references(self.global_replication_group_id, "aws_elasticache_global_replication_group")) > 0
  )

  for_each = {
    at_rest_encryption_enabled = "at-rest"
    transit_encryption_enabled = "in-transit"
  }

  locals {
    value       = lookup(self, each.key, null)
    at_rest     = each.key == "at_rest_encryption_enabled"
    preferred   = !local.at_rest && local.value == true && self.transit_encryption_mode == "preferred"
    valkey_rest = local.at_rest && local.value == null && self.engine == "valkey"
  }

  assert = local.valkey_rest || (local.value == true && !local.preferred)
  at     = local.preferred ? "transit_encryption_mode" : each.key
  message = (local.preferred ?
    "replication group ${instance.address} accepts unencrypted connections (transit_encryption_mode = \"preferred\")" :
    "replication group ${instance.address} has no ${each.value} encryption (${each.key} ${local.value == null ? "unset, default false" : "= ${local.value}"})"
  )
  detail = (local.at_rest ?
    "Set at_rest_encryption_enabled = true (with kms_key_id for a customer managed key). It can only be set when the group is created: create an encrypted group, restore a backup into it and switch clients over." :
    "Set transit_encryption_enabled = true and have clients connect with TLS; an existing group can be migrated without downtime through transit_encryption_mode = \"preferred\", then \"required\"."
  )
}
