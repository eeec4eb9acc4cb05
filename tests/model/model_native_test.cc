// The model of native-syntax modules: every block kind, meta-arguments,
// ranges, duplicates and configuration errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/model.h"
#include "model_test_util.h"

namespace tfguard::model {
namespace {

using testing::Files;
using testing::summaries;
using testing::text;
using testing::where;

constexpr const char* kMain = R"(terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = "~> 3.1"
  }
  backend "s3" {
    bucket = "state"
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "name" {
  type        = string
  default     = "web"
  description = "The name."
  sensitive   = true
  nullable    = false
  ephemeral   = false
  validation {
    condition     = length(var.name) > 0
    error_message = "Empty."
  }
}

variable "required" {}

locals {
  a = 1
  b = local.a + 1
}

resource "aws_security_group" "web" {
  count      = 2
  provider   = aws.west
  depends_on = [aws_vpc.main]
  name       = var.name
  tags       = { Name = "web" }

  lifecycle {
    create_before_destroy = true
  }
  provisioner "local-exec" {
    command = "echo hi"
  }
  connection {
    host = "example.com"
  }
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port = ingress.value
    }
  }
  egress {
    from_port = 0
  }
}

data "aws_ami" "ubuntu" {
  for_each    = toset(["a"])
  most_recent = true
}

module "net" {
  source    = "./modules/net"
  version   = "1.2.3"
  for_each  = var.nets
  providers = { aws = aws.west }
  cidr      = "10.0.0.0/16"
  zones     = 3
}

output "id" {
  value       = aws_security_group.web[0].id
  description = "The id."
  sensitive   = true
}

moved {
  from = aws_instance.old
  to   = aws_instance.new
}

import {
  to = aws_instance.new
  id = "i-123"
}

check "health" {
  assert {
    condition     = true
    error_message = "x"
  }
}

removed {
  from = aws_instance.gone
}
)";

TEST(ModelNative, EveryBlockKind) {
  Files files;
  files.add("main.tf", kMain);
  auto m = files.build();
  EXPECT_TRUE(m->findings.empty()) << summaries(m->findings);
  EXPECT_EQ(m->dir, "mod");
  ASSERT_EQ(m->files.size(), 1u);

  // terraform
  ASSERT_NE(m->terraform.required_version, nullptr);
  EXPECT_EQ(text(m->terraform.required_version), "\">= 1.5\"");
  ASSERT_EQ(m->terraform.required_providers.size(), 2u);
  EXPECT_EQ(m->terraform.required_providers[0].name, "aws");
  EXPECT_EQ(m->terraform.required_providers[0].source, "hashicorp/aws");
  EXPECT_EQ(m->terraform.required_providers[0].version, "~> 5.0");
  EXPECT_EQ(m->terraform.required_providers[1].name, "random");
  EXPECT_EQ(m->terraform.required_providers[1].source, "");
  EXPECT_EQ(m->terraform.required_providers[1].version, "~> 3.1");
  ASSERT_TRUE(m->terraform.backend.has_value());
  EXPECT_EQ(m->terraform.backend->type, "s3");
  ASSERT_NE(m->terraform.backend->content.attr("bucket"), nullptr);
  EXPECT_EQ(m->terraform.blocks.size(), 1u);

  // providers
  ASSERT_EQ(m->providers.size(), 2u);
  EXPECT_EQ(m->providers[0].alias, "");
  EXPECT_EQ(m->providers[1].alias, "west");
  EXPECT_EQ(m->provider("aws", "west"), &m->providers[1]);
  EXPECT_EQ(m->provider("aws"), &m->providers[0]);
  EXPECT_EQ(text(m->providers[1].content.attr("region")), "\"us-west-2\"");

  // variables
  ASSERT_EQ(m->variables.size(), 2u);
  const Variable* name = m->variable("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->type, eval::Type::string());
  ASSERT_NE(name->type_expr, nullptr);
  ASSERT_NE(name->default_attr, nullptr);
  EXPECT_EQ(text(name->default_attr), "\"web\"");
  EXPECT_EQ(name->description, "The name.");
  EXPECT_TRUE(name->sensitive);
  EXPECT_FALSE(name->nullable);
  EXPECT_FALSE(name->ephemeral);
  ASSERT_EQ(name->validations.size(), 1u);
  EXPECT_EQ(text(name->decl.file, name->validations[0].condition->range), "length(var.name) > 0");
  EXPECT_EQ(text(name->decl.file, name->validations[0].error_message->range), "\"Empty.\"");
  const Variable* required = m->variable("required");
  ASSERT_NE(required, nullptr);
  EXPECT_EQ(required->default_attr, nullptr);
  EXPECT_TRUE(required->type.isDynamic());
  EXPECT_EQ(required->type_expr, nullptr);
  EXPECT_TRUE(required->nullable);

  // locals
  ASSERT_EQ(m->locals.size(), 2u);
  EXPECT_EQ(text(&m->local("b")->attr), "local.a + 1");
  EXPECT_EQ(m->local("c"), nullptr);

  // resources
  ASSERT_EQ(m->resources.size(), 2u);
  const Resource* sg = m->resource(ResourceMode::kManaged, "aws_security_group", "web");
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(sg->address(), "aws_security_group.web");
  EXPECT_EQ(text(sg->count), "2");
  EXPECT_EQ(text(sg->provider), "aws.west");
  EXPECT_EQ(text(sg->depends_on), "[aws_vpc.main]");
  EXPECT_EQ(sg->for_each, nullptr);
  EXPECT_EQ(sg->meta.size(), 3u);
  ASSERT_NE(sg->lifecycle, nullptr);
  EXPECT_NE(sg->lifecycle->content.attr("create_before_destroy"), nullptr);
  ASSERT_EQ(sg->meta_blocks.size(), 3u);
  EXPECT_EQ(sg->meta_blocks[1].type, "provisioner");
  EXPECT_EQ(sg->meta_blocks[1].labels, std::vector<std::string_view>{"local-exec"});
  EXPECT_EQ(sg->meta_blocks[2].type, "connection");
  // content: the resource's own arguments and blocks only
  ASSERT_EQ(sg->content.attrs.size(), 2u);
  EXPECT_EQ(sg->content.attrs[0].name, "name");
  EXPECT_EQ(sg->content.attrs[1].name, "tags");
  EXPECT_EQ(sg->content.attr("count"), nullptr);
  ASSERT_EQ(sg->content.blocks.size(), 2u);
  auto dynamics = sg->content.blocksOfType("dynamic");
  ASSERT_EQ(dynamics.size(), 1u);
  EXPECT_EQ(dynamics[0]->labels, std::vector<std::string_view>{"ingress"});
  EXPECT_EQ(dynamics[0]->content.blocksOfType("content").size(), 1u);
  EXPECT_EQ(sg->content.blocksOfType("egress").size(), 1u);

  const Resource* ami = m->resource(ResourceMode::kData, "aws_ami", "ubuntu");
  ASSERT_NE(ami, nullptr);
  EXPECT_EQ(ami->address(), "data.aws_ami.ubuntu");
  EXPECT_EQ(text(ami->for_each), "toset([\"a\"])");
  EXPECT_EQ(m->resource(ResourceMode::kManaged, "aws_ami", "ubuntu"), nullptr);

  // module calls
  const ModuleCall* net = m->moduleCall("net");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->source, "./modules/net");
  EXPECT_EQ(text(net->version), "\"1.2.3\"");
  EXPECT_EQ(text(net->for_each), "var.nets");
  EXPECT_EQ(text(net->providers), "{ aws = aws.west }");
  EXPECT_EQ(net->count, nullptr);
  EXPECT_EQ(net->meta.size(), 4u);
  ASSERT_EQ(net->arguments.size(), 2u);
  EXPECT_EQ(net->arguments[0].name, "cidr");
  EXPECT_EQ(net->arguments[1].name, "zones");

  // outputs
  const Output* id = m->output("id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(text(id->value), "aws_security_group.web[0].id");
  EXPECT_EQ(id->description, "The id.");
  EXPECT_TRUE(id->sensitive);

  // kept whole
  ASSERT_EQ(m->moved.size(), 1u);
  EXPECT_EQ(text(m->moved[0].content.attr("to")), "aws_instance.new");
  ASSERT_EQ(m->imports.size(), 1u);
  EXPECT_EQ(text(m->imports[0].content.attr("id")), "\"i-123\"");
  ASSERT_EQ(m->checks.size(), 1u);
  EXPECT_EQ(m->checks[0].labels, std::vector<std::string_view>{"health"});
  EXPECT_EQ(m->checks[0].content.blocksOfType("assert").size(), 1u);
  ASSERT_EQ(m->removed.size(), 1u);
}

TEST(ModelNative, DeclarationRanges) {
  Files files;
  const auto& f = files.add("main.tf",
                            "resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\n"
                            "variable \"v\" {\n}\nlocals {\n  l = 1\n}\n");
  auto m = files.build();
  const Resource& r = m->resources.at(0);
  EXPECT_EQ(r.decl.file, &f);
  EXPECT_EQ(where(r.decl.file, r.decl.header_range), "1:1-1:30");
  EXPECT_EQ(where(r.decl.file, r.decl.name_range), "1:25-1:30");
  EXPECT_EQ(where(r.decl.file, r.decl.range), "1:1-3:2");
  EXPECT_EQ(where(r.decl.location()), "1:1-1:30");
  const Attr* ami = r.content.attr("ami");
  ASSERT_NE(ami, nullptr);
  EXPECT_EQ(where(ami->file, ami->name_range), "2:3-2:6");
  EXPECT_EQ(where(ami->file, ami->range), "2:3-2:12");
  EXPECT_EQ(where(&f, r.content.range), "1:31-3:2");
  const Variable& v = m->variables.at(0);
  EXPECT_EQ(where(v.decl.file, v.decl.header_range), "4:1-4:13");
  const Local& l = m->locals.at(0);
  EXPECT_EQ(l.file, &f);
  EXPECT_EQ(where(l.file, l.attr.name_range), "7:3-7:4");
}

// ------------------------------------------------------------- duplicates

struct DuplicateCase {
  const char* first;
  const char* second;
  const char* summary;
  const char* detail;
  const char* location;  ///< of the second declaration, in b.tf
};

class ModelDuplicates : public ::testing::TestWithParam<DuplicateCase> {};

TEST_P(ModelDuplicates, ReportedLikeTerraform) {
  const DuplicateCase& c = GetParam();
  Files files;
  files.add("a.tf", c.first);
  files.add("b.tf", std::string("\n") + c.second);
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  const Finding& f = m->findings[0];
  EXPECT_EQ(f.rule, "duplicate-declaration");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.summary, c.summary);
  EXPECT_EQ(f.detail, c.detail);
  ASSERT_TRUE(f.location.file);
  EXPECT_EQ(f.location.file->path(), "b.tf");
  EXPECT_EQ(where(f.location), c.location);
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(f.related[0].location.file->path(), "a.tf");
  EXPECT_EQ(f.related[0].message, "previously declared here");
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ModelDuplicates,
    ::testing::Values(
        DuplicateCase{"variable \"x\" {}\n", "variable \"x\" {}\n",
                      "Duplicate variable declaration",
                      "A variable named \"x\" was already declared at a.tf:1,1-13. Variable names "
                      "must be unique within a module.",
                      "2:1-2:13"},
        DuplicateCase{"locals {\n  x = 1\n}\n", "locals {\n  x = 2\n}\n",
                      "Duplicate local value definition",
                      "A local value named \"x\" was already defined at a.tf:2,3-4. Local value "
                      "names must be unique within a module.",
                      "3:3-3:4"},
        DuplicateCase{"resource \"aws_x\" \"a\" {}\n", "resource \"aws_x\" \"a\" {}\n",
                      "Duplicate resource \"aws_x\" configuration",
                      "A aws_x resource named \"a\" was already declared at a.tf:1,1-21. Resource "
                      "names must be unique per type in each module.",
                      "2:1-2:21"},
        DuplicateCase{"data \"aws_x\" \"a\" {}\n", "data \"aws_x\" \"a\" {}\n",
                      "Duplicate data \"aws_x\" configuration",
                      "A aws_x data resource named \"a\" was already declared at a.tf:1,1-17. "
                      "Resource names must be unique per type in each module.",
                      "2:1-2:17"},
        DuplicateCase{"module \"m\" {\n  source = \"./m\"\n}\n",
                      "module \"m\" {\n  source = \"./m\"\n}\n", "Duplicate module call",
                      "A module call named \"m\" was already defined at a.tf:1,1-11. Module calls "
                      "must have unique names within a module.",
                      "2:1-2:11"},
        DuplicateCase{"output \"o\" {\n  value = 1\n}\n", "output \"o\" {\n  value = 1\n}\n",
                      "Duplicate output definition",
                      "An output named \"o\" was already defined at a.tf:1,1-11. Output names "
                      "must be unique within a module.",
                      "2:1-2:11"},
        DuplicateCase{"provider \"aws\" {}\n", "provider \"aws\" {}\n",
                      "Duplicate provider configuration",
                      "A default (non-aliased) provider configuration for \"aws\" was already "
                      "given at a.tf:1,1-15. If multiple configurations are required, set the "
                      "\"alias\" argument for alternative configurations.",
                      "2:1-2:15"},
        DuplicateCase{"provider \"aws\" {\n  alias = \"w\"\n}\n",
                      "provider \"aws\" {\n  alias = \"w\"\n}\n",
                      "Duplicate provider configuration",
                      "A provider configuration for \"aws\" with alias \"w\" was already given at "
                      "a.tf:1,1-15. Each configuration for the same provider must have a distinct "
                      "alias.",
                      "2:1-2:15"},
        DuplicateCase{"terraform {\n  required_providers {}\n}\n",
                      "terraform {\n  required_providers {}\n}\n",
                      "Duplicate required providers configuration",
                      "A module may have only one required providers configuration. The required "
                      "providers were previously configured at a.tf:2,3-21.",
                      "3:3-3:21"},
        DuplicateCase{"terraform {\n  backend \"s3\" {}\n}\n",
                      "terraform {\n  backend \"gcs\" {}\n}\n", "Duplicate backend configuration",
                      "A module may have only one backend configuration. The backend was "
                      "previously configured at a.tf:2,3-15.",
                      "3:3-3:16"},
        DuplicateCase{"check \"c\" {}\n", "check \"c\" {}\n", "Duplicate check \"c\" configuration",
                      "A check block named \"c\" was already declared at a.tf:1,1-10. Check blocks "
                      "must be unique within each module.",
                      "2:1-2:10"}));

TEST(ModelNative, DuplicatesKeepTheFirstDeclaration) {
  Files files;
  files.add("main.tf",
            "variable \"x\" {\n  default = 1\n}\nvariable \"x\" {\n  default = 2\n}\n"
            "provider \"aws\" {}\nprovider \"aws\" {\n  alias = \"b\"\n}\n");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  ASSERT_EQ(m->variables.size(), 1u);
  EXPECT_EQ(text(m->variables[0].default_attr), "1");
  EXPECT_EQ(m->providers.size(), 2u);  // a different alias is no duplicate
}

// ---------------------------------------------------------- invalid config

struct InvalidCase {
  const char* source;
  const char* summary;
  const char* detail;
  const char* location;
};

class ModelInvalidConfig : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(ModelInvalidConfig, ReportedAtThePlace) {
  const InvalidCase& c = GetParam();
  Files files;
  files.add("main.tf", c.source);
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  const Finding& f = m->findings[0];
  EXPECT_EQ(f.rule, "invalid-config");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.summary, c.summary);
  EXPECT_EQ(f.detail, c.detail);
  EXPECT_EQ(where(f.location), c.location);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ModelInvalidConfig,
    ::testing::Values(
        InvalidCase{"resourc \"a\" \"b\" {}\n", "Unsupported block type",
                    "Blocks of type \"resourc\" are not expected here. Did you mean \"resource\"?",
                    "1:1-1:8"},
        InvalidCase{"widget {}\n", "Unsupported block type",
                    "Blocks of type \"widget\" are not expected here.", "1:1-1:7"},
        InvalidCase{"resource \"aws_instance\" {\n}\n", "Missing name for resource",
                    "All resource blocks must have 2 labels (type, name).", "1:25-1:26"},
        InvalidCase{"resource {\n}\n", "Missing type for resource",
                    "All resource blocks must have 2 labels (type, name).", "1:10-1:11"},
        InvalidCase{"variable {}\n", "Missing name for variable",
                    "All variable blocks must have 1 labels (name).", "1:10-1:11"},
        InvalidCase{"variable \"a\" \"b\" {}\n", "Extraneous label for variable",
                    "Only 1 labels (name) are expected for variable blocks.", "1:14-1:17"},
        InvalidCase{"locals \"x\" {}\n", "Extraneous label for locals",
                    "No labels are expected for locals blocks.", "1:8-1:11"},
        InvalidCase{"count = 1\n", "Unsupported argument",
                    "An argument named \"count\" is not expected here.", "1:1-1:6"},
        InvalidCase{"variable \"a\" {\n  typo = string\n}\n", "Unsupported argument",
                    "An argument named \"typo\" is not expected here. Did you mean \"type\"?",
                    "2:3-2:7"},
        InvalidCase{"variable \"a\" {\n  color = 1\n}\n", "Unsupported argument",
                    "An argument named \"color\" is not expected here.", "2:3-2:8"},
        InvalidCase{"variable \"a\" {\n  check {}\n}\n", "Unsupported block type",
                    "Blocks of type \"check\" are not expected here.", "2:3-2:8"},
        InvalidCase{"output \"a\" {\n  value = 1\n  descripton = \"\"\n}\n", "Unsupported argument",
                    "An argument named \"descripton\" is not expected here. Did you mean "
                    "\"description\"?",
                    "3:3-3:13"},
        InvalidCase{"output \"a\" {\n  description = \"x\"\n}\n", "Missing required argument",
                    "The argument \"value\" is required, but no definition was found.",
                    "1:12-1:12"},
        InvalidCase{"module \"m\" {\n  version = \"1\"\n}\n", "Missing required argument",
                    "The argument \"source\" is required, but no definition was found.",
                    "1:12-1:12"},
        InvalidCase{"locals {\n  a = 1\n  nested {}\n}\n", "Unexpected \"nested\" block",
                    "Blocks are not allowed here.", "3:3-3:9"},
        InvalidCase{
            "resource \"a\" \"b\" {\n  count = 1\n  for_each = {}\n}\n",
            "Invalid combination of \"count\" and \"for_each\"",
            "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one "
            "should be used to be explicit about the number of resources to be created.",
            "3:3-3:11"},
        InvalidCase{"variable \"a\" {\n  type = strin\n}\n", "Invalid type specification",
                    "The keyword \"strin\" is not a valid type specification.", "2:10-2:15"},
        InvalidCase{"variable \"a\" {\n  sensitive = \"yes\"\n}\n", "Unsuitable value type",
                    "Unsuitable value: a bool is required", "2:15-2:20"}));

TEST(ModelNative, InvalidBlocksAreSkippedOthersKept) {
  Files files;
  files.add("main.tf", "resource \"x\" {}\nresource \"a\" \"b\" {}\nvariable {}\n");
  auto m = files.build();
  EXPECT_EQ(m->findings.size(), 2u);
  ASSERT_EQ(m->resources.size(), 1u);
  EXPECT_EQ(m->resources[0].address(), "a.b");
  EXPECT_TRUE(m->variables.empty());
}

TEST(ModelNative, CloudBlockIsTheBackend) {
  Files files;
  files.add("main.tf",
            "terraform {\n  cloud {\n    organization = \"o\"\n    workspaces {\n"
            "      name = \"w\"\n    }\n  }\n}\n");
  auto m = files.build();
  EXPECT_TRUE(m->findings.empty()) << summaries(m->findings);
  ASSERT_TRUE(m->terraform.backend);
  EXPECT_EQ(m->terraform.backend->type, "cloud");
  EXPECT_EQ(m->terraform.backend->content.blocksOfType("workspaces").size(), 1u);
}

TEST(ModelNative, BackendAndCloudTogether) {
  Files files;
  files.add("main.tf", "terraform {\n  backend \"s3\" {}\n  cloud {}\n}\n");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  EXPECT_EQ(m->findings[0].summary, "Both a backend and Terraform Cloud configuration are present");
  EXPECT_EQ(where(m->findings[0].location), "2:3-2:15");
}

TEST(ModelNative, ModuleSourceMustBeALiteral) {
  Files files;
  files.add("main.tf", "module \"m\" {\n  source = var.src\n}\n");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  EXPECT_EQ(where(m->findings[0].location), "2:12-2:19");
  ASSERT_EQ(m->module_calls.size(), 1u);
  EXPECT_EQ(m->module_calls[0].source, "");
  EXPECT_NE(m->module_calls[0].source_attr, nullptr);
}

TEST(ModelNative, EphemeralResourcesAreKept) {
  Files files;
  files.add("main.tf", "ephemeral \"aws_secret\" \"s\" {\n  id = 1\n}\n");
  auto m = files.build();
  EXPECT_TRUE(m->findings.empty()) << summaries(m->findings);
  ASSERT_EQ(m->ephemeral_resources.size(), 1u);
  EXPECT_EQ(m->ephemeral_resources[0].labels, (std::vector<std::string_view>{"aws_secret", "s"}));
  EXPECT_TRUE(m->resources.empty());
}

TEST(ModelNative, EmptyAndBrokenFilesDoNotCrash) {
  Files files;
  files.add("empty.tf", "");
  auto source = std::make_shared<SourceFile>("broken.tf", "resource \"a\" \"b\" {\n  x = \n");
  syntax::ParsedFile broken = syntax::parseConfig(source);
  std::vector<const syntax::ParsedFile*> all = {&broken, nullptr};
  auto m = buildModule("x", all);
  EXPECT_EQ(m->files.size(), 1u);
}

}  // namespace
}  // namespace tfguard::model

namespace tfguard::model {
namespace {

// Every parser fixture (valid and broken, native and JSON) as a module of
// its own: the model must never crash, and every finding has a place.
TEST(ModelRobustness, ParserFixturesBuildWithoutCrashing) {
  size_t files_read = 0;
  for (const char* sub : {"/parse", "/parse-json"}) {
    std::filesystem::path dir = std::string(TFGUARD_TESTDATA) + sub;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".tf" && ext != ".json")) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      auto source = std::make_shared<SourceFile>(entry.path().string(), ss.str());
      syntax::ParsedFile file = syntax::parseByName(source);
      const syntax::ParsedFile* files[] = {&file};
      auto m = buildModule("fixture", files);
      for (const Finding& f : m->findings) {
        EXPECT_TRUE(f.location.file) << entry.path() << ": " << f.summary;
        EXPECT_LE(f.location.range.end, source->text().size()) << entry.path();
      }
      ++files_read;
    }
  }
  EXPECT_GT(files_read, 100u);
}

}  // namespace
}  // namespace tfguard::model
