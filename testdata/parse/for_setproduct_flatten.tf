locals {
  pairs = flatten([
    for net_key, net in var.networks : [
      for subnet_key, subnet in net.subnets : {
        net    = net_key
        subnet = subnet_key
        cidr   = subnet.cidr
      }
    ]
  ])
}
