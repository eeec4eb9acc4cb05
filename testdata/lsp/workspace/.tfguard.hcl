# The language server's test workspace: a module deployed to dev and
# production. The settings file is found from the workspace root.
rule "ssh-admin-cidr" {
  admin_cidrs = ["198.51.100.0/24"]
}
