// Override files (override.tf, *_override.tf[.json]) merged as Terraform
// merges them, from a fixture directory.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "model/model.h"
#include "model_test_util.h"

namespace tfguard::model {
namespace {

using testing::summaries;
using testing::text;
using testing::where;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ModelOverride : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = std::string(TFGUARD_TESTDATA) + "/model/override/";
    // Lexical order, as Terraform (and the loader) read a directory.
    for (const char* name : {"main.tf", "override.tf", "web_override.tf.json"}) {
      auto source = std::make_shared<SourceFile>(name, readFile(dir + name));
      ASSERT_FALSE(source->text().empty()) << dir + name;
      files_.push_back(std::make_unique<syntax::ParsedFile>(syntax::parseByName(source)));
      ASSERT_TRUE(files_.back()->diagnostics.empty()) << name;
    }
    std::vector<const syntax::ParsedFile*> ptrs;
    for (const auto& f : files_) ptrs.push_back(f.get());
    module_ = buildModule("override", ptrs);
  }

  std::vector<std::unique_ptr<syntax::ParsedFile>> files_;
  std::unique_ptr<Module> module_;
};

TEST_F(ModelOverride, ArgumentsReplacedInPlace) {
  const Resource* web = module_->resource(ResourceMode::kManaged, "aws_instance", "web");
  ASSERT_NE(web, nullptr);
  const Attr* ami = web->content.attr("ami");
  ASSERT_NE(ami, nullptr);
  EXPECT_EQ(text(ami), "\"ami-2\"");
  EXPECT_EQ(ami->file, files_[1].get());         // written in override.tf
  EXPECT_EQ(web->content.attrs[0].name, "ami");  // the merged argument keeps its place
  EXPECT_EQ(text(web->content.attr("instance_type")), "var.size");
  EXPECT_EQ(web->content.attr("instance_type")->file, files_[0].get());
  EXPECT_EQ(web->decl.file, files_[0].get());  // the declaration stays where it is
}

TEST_F(ModelOverride, BlocksOfATypeAreReplacedWhole) {
  const Resource* web = module_->resource(ResourceMode::kManaged, "aws_instance", "web");
  ASSERT_NE(web, nullptr);
  // Both the static and the dynamic ebs_block_device blocks go; the
  // override's one comes in; network_interface is untouched.
  auto ebs = web->content.blocksOfType("ebs_block_device");
  ASSERT_EQ(ebs.size(), 1u);
  EXPECT_EQ(text(ebs[0]->content.attr("device_name")), "\"/dev/sdb\"");
  EXPECT_TRUE(web->content.blocksOfType("dynamic").empty());
  EXPECT_EQ(web->content.blocksOfType("network_interface").size(), 1u);
}

TEST_F(ModelOverride, LifecycleMergedByArgument) {
  const Resource* web = module_->resource(ResourceMode::kManaged, "aws_instance", "web");
  ASSERT_NE(web, nullptr);
  ASSERT_NE(web->lifecycle, nullptr);
  EXPECT_EQ(text(web->lifecycle->content.attr("create_before_destroy")), "true");
  EXPECT_EQ(text(web->lifecycle->content.attr("prevent_destroy")), "true");
  EXPECT_EQ(web->meta_blocks.size(), 1u);
}

TEST_F(ModelOverride, VariablesLocalsModulesOutputs) {
  const Variable* size = module_->variable("size");
  ASSERT_NE(size, nullptr);
  EXPECT_EQ(text(size->default_attr), "\"large\"");
  EXPECT_EQ(size->type, eval::Type::string());  // kept from main.tf
  ASSERT_EQ(module_->locals.size(), 1u);
  EXPECT_EQ(text(&module_->locals[0].attr), "\"prod\"");
  EXPECT_EQ(module_->locals[0].file, files_[1].get());

  const ModuleCall* net = module_->moduleCall("net");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->source, "./net");
  ASSERT_EQ(net->arguments.size(), 2u);
  EXPECT_EQ(text(&net->arguments[0]), "\"10.1.0.0/16\"");
  EXPECT_EQ(net->arguments[1].name, "zones");

  const Output* ip = module_->output("ip");
  ASSERT_NE(ip, nullptr);
  EXPECT_TRUE(ip->sensitive);
  EXPECT_EQ(text(ip->value), "aws_instance.web.private_ip");
}

TEST_F(ModelOverride, TerraformSettings) {
  const TerraformSettings& tf = module_->terraform;
  ASSERT_NE(tf.required_version, nullptr);
  EXPECT_EQ(text(tf.required_version), "\">= 1.5\"");
  ASSERT_EQ(tf.required_providers.size(), 1u);
  EXPECT_EQ(tf.required_providers[0].version, "~> 5.0");
  ASSERT_TRUE(tf.backend);
  EXPECT_EQ(tf.backend->type, "s3");
  EXPECT_EQ(tf.blocks.size(), 2u);
}

TEST_F(ModelOverride, WhatCannotBeOverridden) {
  ASSERT_EQ(module_->findings.size(), 2u) << summaries(module_->findings);
  const Finding& missing = module_->findings[0];
  EXPECT_EQ(missing.rule, "invalid-config");
  EXPECT_EQ(missing.summary, "Missing base output definition to override");
  EXPECT_EQ(missing.detail,
            "There is no output named \"missing\". An override file can only override an output "
            "that was already defined in a primary configuration file.");
  EXPECT_EQ(missing.location.file->path(), "override.tf");
  EXPECT_EQ(where(missing.location), "34:1-34:17");
  const Finding& moved = module_->findings[1];
  EXPECT_EQ(moved.summary, "Cannot override 'moved' blocks");
  EXPECT_EQ(moved.location.file->path(), "web_override.tf.json");
  EXPECT_TRUE(module_->moved.empty());
  EXPECT_EQ(module_->outputs.size(), 1u);
}

TEST(ModelOverrideNames, OnlyOverrideFileNamesMerge) {
  testing::Files files;
  files.add("main.tf", "locals {\n  a = 1\n}\n");
  files.add("my_override_x.tf", "locals {\n  a = 2\n}\n");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u);
  EXPECT_EQ(m->findings[0].summary, "Duplicate local value definition");
}

TEST(ModelOverrideNames, MissingLocalAndAliasedProvider) {
  testing::Files files;
  files.add("main.tf", "locals {\n  a = 1\n}\n");
  files.add("x_override.tf",
            "locals {\n  b = 2\n}\nprovider \"aws\" {\n  alias = \"w\"\n}\n"
            "provider \"google\" {\n  project = \"p\"\n}\n");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 2u) << summaries(m->findings);
  EXPECT_EQ(m->findings[0].summary, "Missing base local value definition to override");
  EXPECT_EQ(where(m->findings[0].location), "2:3-2:4");
  EXPECT_EQ(m->findings[1].summary, "Missing base provider configuration for override");
  // A default provider configuration needs no base: absent means empty.
  ASSERT_EQ(m->providers.size(), 1u);
  EXPECT_EQ(m->providers[0].name, "google");
}

}  // namespace
}  // namespace tfguard::model
