module "git_plain" {
  source = "git::https://example.com/network/vpc.git" # expect: module-source-pinned
}

module "git_subdir_no_ref" {
  source = "git::https://example.com/network/vpc.git//modules/subnet?depth=1" # expect: module-source-pinned
}

module "git_empty_ref" {
  source = "git::https://example.com/network/vpc.git?ref=" # expect: module-source-pinned
}

module "github_shorthand" {
  source = "github.com/example/terraform-aws-vpc" # expect: module-source-pinned
}

module "git_ssh" {
  source = "git@github.com:example/terraform-aws-vpc.git" # expect: module-source-pinned
}

module "bitbucket_shorthand" {
  source = "bitbucket.org/example/terraform-aws-vpc" # expect: module-source-pinned
}

module "registry" {
  source = "terraform-aws-modules/vpc/aws" # expect: module-source-pinned
}

module "registry_subdir" {
  source = "hashicorp/consul/aws//modules/consul-cluster" # expect: module-source-pinned
}

module "private_registry" {
  source = "app.terraform.io/example-org/vpc/aws" # expect: module-source-pinned
}

module "registry_empty_version" {
  source  = "terraform-aws-modules/eks/aws" # expect: module-source-pinned
  version = ""
}

# Pinned, local or not a git/registry source: fine.
module "git_ref" {
  source = "git::https://example.com/network/vpc.git?ref=v1.2.0"
}

module "git_subdir_ref" {
  source = "git::https://example.com/network/vpc.git//modules/subnet?depth=1&ref=4f2a9c1"
}

module "registry_versioned" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

module "local" {
  source = "./modules/app"
}

module "s3_archive" {
  source = "s3::https://s3-eu-west-1.amazonaws.com/example-modules/vpc.zip"
}

module "http_archive" {
  source = "https://example.com/modules/vpc.zip"
}
