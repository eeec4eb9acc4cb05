policy "required-tags" {
  severity = "warning"
  summary  = "AWS resources should carry the tags the organisation requires"
  tags     = ["cost", "governance"]
  enabled  = false

  description = <<-EOT
    ## What fails

    Off by default: turn it on, and name your tag keys, in `.tfguard.hcl`:

    ```hcl
    rule "required-tags" {
      enabled       = true
      required_tags = ["Environment", "Owner", "CostCenter"]
    }
    ```

    Without `required_tags`, the keys are `Environment` and `Owner`: the two
    that nearly every tagging standard starts with (which deployment, and
    who to ask), and that cost reports and incident response need first.

    A resource of one of the common taggable types below whose `tags` lacks
    one of the `required_tags` keys, or has it with an empty value (`""` or
    `null`), fails; the message lists the missing keys. No `tags` at all
    fails with every key missing. Keys are compared exactly, as AWS does:
    `environment` does not satisfy `Environment`. A `tags` map, a key in
    it, or the value of a required tag known only at apply (so possibly
    empty) leaves the check undecided.

    Checked types: `aws_instance`, `aws_launch_template`, `aws_ebs_volume`,
    `aws_eip`, `aws_nat_gateway`, `aws_internet_gateway`, `aws_vpc`,
    `aws_subnet`, `aws_route_table`, `aws_security_group`,
    `aws_network_interface`, `aws_vpc_endpoint`, `aws_lb`, `aws_alb`,
    `aws_lb_target_group`, `aws_s3_bucket`, `aws_db_instance`,
    `aws_rds_cluster`, `aws_rds_cluster_instance`, `aws_dynamodb_table`,
    `aws_elasticache_replication_group`, `aws_elasticache_cluster`,
    `aws_efs_file_system`, `aws_ecs_cluster`, `aws_ecs_service`,
    `aws_ecs_task_definition`, `aws_eks_cluster`, `aws_eks_node_group`,
    `aws_lambda_function`, `aws_sqs_queue`, `aws_sns_topic`,
    `aws_kinesis_stream`, `aws_sfn_state_machine`, `aws_kms_key`,
    `aws_secretsmanager_secret`, `aws_ssm_parameter`, `aws_ecr_repository`,
    `aws_cloudwatch_log_group`, `aws_cloudwatch_metric_alarm`,
    `aws_iam_role`, `aws_iam_user`, `aws_iam_policy`,
    `aws_cloudfront_distribution`, `aws_api_gateway_rest_api`,
    `aws_apigatewayv2_api`, `aws_opensearch_domain`, `aws_route53_zone`,
    `aws_acm_certificate`, `aws_redshift_cluster`, `aws_msk_cluster`,
    `aws_backup_vault`. Most other AWS resources accept tags too, but which
    ones do cannot be known without the provider's schema, so they are not
    checked. `aws_autoscaling_group` is not checked: it takes `tag` blocks
    rather than a `tags` map.

    **Known limitation**: tags that the AWS provider adds through
    `default_tags { tags = { ... } }` are not visible to policies yet, so a
    configuration that sets the required tags only there fails for every
    resource. Until they are, set the required tags on the resources (for
    instance with `tags = merge(local.common_tags, { Name = ... })`) or keep
    the rule off.

    ## Why

    Tags are how an AWS bill is split by team and product (cost allocation
    tags), how the owner of an unknown instance is found during an incident
    or a security finding, how automation decides what to back up, patch or
    shut down at night, and how access is scoped with attribute-based
    access control. A resource without them is the one nobody claims: it
    keeps running and costing money for years after the project that
    created it ended, and nobody can say whether it is safe to delete.
  EOT

  bad_example = <<-EOT
    resource "aws_instance" "worker" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.small"
      tags = {
        Name = "worker"
      }
    }
  EOT

  good_example = <<-EOT
    locals {
      common_tags = {
        Environment = "production"
        Owner       = "payments-team"
      }
    }

    resource "aws_instance" "worker" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.small"
      tags          = merge(local.common_tags, { Name = "worker" })
    }
  EOT

  param "required_tags" {
    default     = ["Environment", "Owner"]
    description = "the tag keys every checked resource must carry with a non-empty value (compared exactly, case-sensitive)"
  }

  resource = [
    "aws_instance", "aws_launch_template", "aws_ebs_volume", "aws_eip", "aws_nat_gateway",
    "aws_internet_gateway", "aws_vpc", "aws_subnet", "aws_route_table", "aws_security_group",
    "aws_network_interface", "aws_vpc_endpoint", "aws_lb", "aws_alb", "aws_lb_target_group",
    "aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_dynamodb_table",
    "aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_efs_file_system",
    "aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition", "aws_eks_cluster", "aws_eks_node_group",
    "aws_lambda_function", "aws_sqs_queue", "aws_sns_topic", "aws_kinesis_stream", "aws_sfn_state_machine",
    "aws_kms_key", "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_ecr_repository",
    "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_iam_role", "aws_iam_user", "aws_iam_policy",
    "aws_cloudfront_distribution", "aws_api_gateway_rest_api", "aws_apigatewayv2_api", "aws_opensearch_domain",
    "aws_route53_zone", "aws_acm_certificate", "aws_redshift_cluster", "aws_msk_cluster", "aws_backup_vault",
  ]

  locals {
    # merge(): null becomes {}, and a map with values known only at apply
    # keeps its known keys.
    tags = merge(self.tags)
    missing = [
      for k in param.required_tags : k
      if !contains(keys(local.tags), k) ? true : (local.tags[k] == null || local.tags[k] == "")
    ]
  }

  assert  = length(local.missing) == 0
  at      = "tags"
  message = "${instance.address} is missing the required tag${length(local.missing) == 1 ? "" : "s"} ${join(", ", local.missing)}${length(local.tags) == 0 ? " (it has no tags)" : ""}"
  detail  = "Add ${join(", ", [for k in local.missing : "${k} = ..."])} to tags (a shared local merged into every resource's tags keeps them consistent). Tags set only in the provider's default_tags are not visible to this rule yet."
}
