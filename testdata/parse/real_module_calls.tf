module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.2"

  name = "${local.name_prefix}-vpc"
  cidr = var.cidr_block

  azs             = local.azs
  private_subnets = local.private_subnets
  public_subnets  = local.public_subnets

  enable_nat_gateway = true
  single_nat_gateway = !local.is_prod

  tags = local.common_tags
}

module "service" {
  source   = "./modules/service"
  for_each = var.services

  name        = each.key
  image       = each.value.image
  cpu         = try(each.value.cpu, 256)
  memory      = try(each.value.memory, 512)
  subnet_ids  = module.vpc.private_subnets
  environment = [for k, v in each.value.env : { name = k, value = v }]

  providers = {
    aws = aws.us_east_1
  }

  depends_on = [module.vpc]
}

output "service_urls" {
  value = { for name, svc in module.service : name => svc.url }
}
