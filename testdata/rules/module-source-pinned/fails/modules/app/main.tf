# A local module: its own calls are checked too.
module "inner" {
  source = "github.com/example/terraform-aws-sg" # expect: module-source-pinned
}
