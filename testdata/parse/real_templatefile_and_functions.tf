locals {
  cloud_init = templatefile("${path.module}/templates/cloud-init.yaml.tftpl", {
    hostname   = "${local.name_prefix}-node"
    ssh_keys   = var.ssh_public_keys
    docker_env = { for k, v in var.env : k => v if v != "" }
  })

  encoded      = base64gzip(local.cloud_init)
  config_json  = jsondecode(file("${path.module}/config.json"))
  yaml_config  = yamlencode({ replicas = 3, image = var.image })
  joined       = join(", ", formatlist("%s=%s", keys(var.m), values(var.m)))
  cidr_hosts   = [for i in range(1, 5) : cidrhost(var.cidr_block, i)]
  upper_names  = [for n in var.names : upper(n) if length(n) > 3]
  regex_groups = regex("^(?P<scheme>[a-z]+)://(?P<host>[^/:]+)", var.url)
  escaped      = replace(var.s, "/[^a-zA-Z0-9-]/", "-")
  sum          = sum([for x in var.nums : x * 2])
  lookup_nest  = lookup(lookup(var.m, "outer", {}), "inner", "default")
}
