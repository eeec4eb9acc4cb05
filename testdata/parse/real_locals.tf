locals {
  name_prefix = "${var.project}-${var.environment}"
  is_prod     = var.environment == "prod"

  common_tags = merge(var.extra_tags, {
    Project     = var.project
    Environment = var.environment
    Owner       = coalesce(var.owner, "platform-team")
  })

  azs = slice(data.aws_availability_zones.available.names, 0, local.is_prod ? 3 : 2)

  public_subnets  = [for i, az in local.azs : cidrsubnet(var.cidr_block, 8, i)]
  private_subnets = [for i, az in local.azs : cidrsubnet(var.cidr_block, 8, i + 100)]

  subnet_map = { for idx, cidr in local.private_subnets : local.azs[idx] => cidr }

  users_by_team = { for u in var.users : u.team => u.name... if u.active }

  instance_ids = aws_instance.app[*].id
  first_ip     = try(aws_instance.app[0].private_ip, null)

  port_rules = flatten([
    for svc_name, svc in var.services : [
      for port in svc.ports : {
        key  = "${svc_name}-${port}"
        name = svc_name
        port = port
      }
    ]
  ])
}
