// The generated benchmark tree (generated_tree.h).
#include "generated_tree.h"

#include <fmt/format.h>

#include <fstream>
#include <string>

namespace tfguard::bench {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// One module with `resources` resources of a few kinds, referencing each
// other, with count, for_each, a dynamic block, locals and outputs.
std::string moduleText(int m, int resources) {
  std::string s = fmt::format(R"(variable "name" {{
  type = string
}}
variable "environment" {{
  type = string
}}
variable "cidrs" {{
  type    = list(string)
  default = ["10.0.0.0/16"]
}}
variable "ports" {{
  type = map(object({{ port = number, public = optional(bool, false) }}))
  default = {{
    http  = {{ port = 80 }}
    https = {{ port = 443, public = true }}
  }}
}}
locals {{
  prefix = "${{var.name}}-${{var.environment}}-m{0}"
  tags   = {{ Module = "m{0}", Environment = var.environment }}
}}
)",
                              m);
  for (int r = 0; r < resources; ++r) {
    switch (r % 4) {
      case 0:
        s += fmt::format(R"(resource "aws_security_group" "r{0}" {{
  name   = "${{local.prefix}}-sg{0}"
  vpc_id = "vpc-123"
  dynamic "ingress" {{
    for_each = var.ports
    content {{
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.public ? ["0.0.0.0/0"] : var.cidrs
    }}
  }}
  tags = merge(local.tags, {{ Name = "${{local.prefix}}-sg{0}" }})
}}
)",
                         r);
        break;
      case 1:
        s += fmt::format(R"(resource "aws_instance" "r{0}" {{
  count                  = var.environment == "production" ? 2 : 1
  ami                    = "ami-0abcdef1234567890"
  instance_type          = var.environment == "production" ? "m5.large" : "t3.small"
  vpc_security_group_ids = [aws_security_group.r{1}.id]
  user_data              = <<-EOT
    #!/bin/bash
    docker run -d --restart always --name app${{count.index}} nginx:1.25
  EOT
  tags = merge(local.tags, {{ Name = format("%s-i%d-%d", local.prefix, {0}, count.index) }})
}}
)",
                         r, r - 1);
        break;
      case 2:
        s += fmt::format(R"(resource "aws_eip" "r{0}" {{
  count    = length(aws_instance.r{1})
  instance = aws_instance.r{1}[count.index].id
  domain   = "vpc"
  tags     = local.tags
}}
)",
                         r, r - 1);
        break;
      default:
        s += fmt::format(R"(resource "aws_s3_bucket" "r{0}" {{
  for_each = toset(["logs", "data"])
  bucket   = "${{local.prefix}}-${{each.key}}-{0}"
  tags     = merge(local.tags, {{ Purpose = each.value }})
}}
)",
                         r);
    }
  }
  s += R"(output "prefix" {
  value = local.prefix
}
)";
  return s;
}

void generate(const fs::path& dir, int envs, int modules, int resources) {
  for (int m = 0; m < modules; ++m)
    write(dir / fmt::format("modules/m{}/main.tf", m), moduleText(m, resources));
  static const char* kNames[] = {"dev", "staging", "production", "qa", "sandbox", "uat"};
  for (int e = 0; e < envs; ++e) {
    std::string name = e < 6 ? kNames[e] : fmt::format("env{}", e);
    std::string main = R"(terraform {
  backend "s3" {
    bucket = "state"
    key    = "app/terraform.tfstate"
    region = "eu-west-1"
  }
}
variable "environment" {
  type = string
}
variable "cidrs" {
  type = list(string)
}
)";
    for (int m = 0; m < modules; ++m) {
      main += fmt::format(R"(module "m{0}" {{
  source      = "../../modules/m{0}"
  name        = "app"
  environment = var.environment
  cidrs       = var.cidrs
}}
)",
                          m);
    }
    write(dir / "environments" / name / "main.tf", main);
    write(dir / "environments" / name / "terraform.tfvars",
          fmt::format("environment = \"{}\"\ncidrs       = [\"10.{}.0.0/16\"]\n", name, e));
  }
}

}  // namespace

void ensureGeneratedTree(const fs::path& dir, int envs, int modules, int resources) {
  if (fs::exists(dir / ".complete")) return;
  fs::remove_all(dir);
  generate(dir, envs, modules, resources);
  write(dir / ".complete", "");
}

}  // namespace tfguard::bench
