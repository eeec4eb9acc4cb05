rule "ssh-admin-cidr" {
  admin_cidrs = ["198.51.100.0/24", "2001:db8:1234::/48"]
}
