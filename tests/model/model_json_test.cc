// The model of HCL JSON modules: Terraform's JSON configuration syntax.
#include <gtest/gtest.h>

#include "model/model.h"
#include "model_test_util.h"

namespace tfguard::model {
namespace {

using testing::Files;
using testing::summaries;
using testing::text;
using testing::where;

constexpr const char* kMainJson = R"j({
  "//": "a comment",
  "terraform": {
    "required_version": ">= 1.5",
    "required_providers": {
      "aws": {"source": "hashicorp/aws", "version": "~> 5.0"},
      "random": "~> 3.1"
    },
    "backend": {"s3": {"bucket": "state"}}
  },
  "provider": {
    "aws": [
      {"region": "eu-west-1"},
      {"alias": "west", "region": "us-west-2", "assume_role": {"role_arn": "x"}}
    ]
  },
  "variable": {
    "name": {
      "type": "object({a = optional(number, 5), b = list(number)})",
      "default": {"b": []},
      "description": "The name.",
      "sensitive": true,
      "validation": {"condition": "${length(var.name.b) > 0}", "error_message": "Empty."}
    },
    "required": {}
  },
  "locals": {"a": 1, "b": "${local.a + 1}"},
  "resource": {
    "aws_security_group": {
      "web": {
        "//": "ignored",
        "count": 2,
        "provider": "aws.west",
        "depends_on": ["aws_vpc.main"],
        "name": "${var.name}",
        "ingress": [{"from_port": 22}],
        "lifecycle": {"create_before_destroy": true,
                      "precondition": {"condition": true, "error_message": "x"}},
        "provisioner": [{"local-exec": {"command": "echo"}}, {"file": {"source": "a"}}],
        "dynamic": {
          "egress": {
            "for_each": "${var.ports}",
            "content": {
              "from_port": "${egress.value}",
              "dynamic": {"nested": {"for_each": [], "content": {}}}
            }
          }
        }
      }
    }
  },
  "data": [{"aws_ami": {"ubuntu": {"most_recent": true}}}],
  "module": {"net": {"source": "./net", "version": "1.0", "count": 1, "cidr": "10.0.0.0/16"}},
  "output": {"id": {"value": "${aws_security_group.web[0].id}", "sensitive": true}},
  "moved": [{"from": "aws_instance.a", "to": "aws_instance.b"}],
  "import": {"to": "aws_instance.b", "id": "i-1"},
  "check": {"health": {"assert": {"condition": true, "error_message": "x"},
                       "data": {"http": {"site": {"url": "x"}}}}},
  "removed": {"from": "aws_instance.c", "lifecycle": {"destroy": false}}
}
)j";

TEST(ModelJson, EveryBlockKind) {
  Files files;
  files.add("main.tf.json", kMainJson);
  auto m = files.build();
  EXPECT_TRUE(m->findings.empty()) << summaries(m->findings);

  ASSERT_NE(m->terraform.required_version, nullptr);
  EXPECT_EQ(text(m->terraform.required_version), "\">= 1.5\"");
  ASSERT_EQ(m->terraform.required_providers.size(), 2u);
  EXPECT_EQ(m->terraform.required_providers[0].source, "hashicorp/aws");
  EXPECT_EQ(m->terraform.required_providers[0].version, "~> 5.0");
  EXPECT_EQ(m->terraform.required_providers[1].version, "~> 3.1");
  ASSERT_TRUE(m->terraform.backend);
  EXPECT_EQ(m->terraform.backend->type, "s3");
  EXPECT_EQ(text(m->terraform.backend->content.attr("bucket")), "\"state\"");

  ASSERT_EQ(m->providers.size(), 2u);
  EXPECT_EQ(m->providers[0].name, "aws");
  EXPECT_EQ(m->providers[1].alias, "west");
  // Without the provider's schema, a nested object is an argument.
  ASSERT_NE(m->providers[1].content.attr("assume_role"), nullptr);
  EXPECT_EQ(m->providers[1].content.attr("assume_role")->expr->kind, syntax::ExprKind::kObject);

  const Variable* name = m->variable("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->type.toString(), "object({a=optional(number), b=list(number)})");
  ASSERT_NE(name->type.attribute("a"), nullptr);
  EXPECT_TRUE(name->type.attribute("a")->optional);
  EXPECT_FALSE(name->type.attribute("b")->optional);
  ASSERT_EQ(name->defaults.attrs.size(), 1u);
  EXPECT_EQ(name->defaults.attrs[0].first, "a");
  // The type string was parsed as an expression, at its place in the file.
  ASSERT_NE(name->type_expr, nullptr);
  EXPECT_EQ(name->type_expr->kind, syntax::ExprKind::kCall);
  EXPECT_EQ(text(name->decl.file, name->defaults.attrs[0].second->range), "5");
  EXPECT_EQ(name->description, "The name.");
  EXPECT_TRUE(name->sensitive);
  ASSERT_NE(name->default_attr, nullptr);
  EXPECT_EQ(name->default_attr->expr->kind, syntax::ExprKind::kObject);
  ASSERT_EQ(name->validations.size(), 1u);
  EXPECT_NE(name->validations[0].condition, nullptr);
  ASSERT_NE(m->variable("required"), nullptr);
  EXPECT_EQ(m->variable("required")->default_attr, nullptr);

  ASSERT_EQ(m->locals.size(), 2u);
  EXPECT_EQ(text(&m->local("b")->attr), "\"${local.a + 1}\"");

  const Resource* sg = m->resource(ResourceMode::kManaged, "aws_security_group", "web");
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(text(sg->count), "2");
  EXPECT_EQ(text(sg->provider), "\"aws.west\"");
  EXPECT_EQ(text(sg->depends_on), "[\"aws_vpc.main\"]");
  ASSERT_NE(sg->lifecycle, nullptr);
  EXPECT_NE(sg->lifecycle->content.attr("create_before_destroy"), nullptr);
  EXPECT_EQ(sg->lifecycle->content.blocksOfType("precondition").size(), 1u);
  // lifecycle, then the two provisioners in array order
  ASSERT_EQ(sg->meta_blocks.size(), 3u);
  EXPECT_EQ(sg->meta_blocks[1].labels, std::vector<std::string_view>{"local-exec"});
  EXPECT_EQ(sg->meta_blocks[2].labels, std::vector<std::string_view>{"file"});
  // "ingress" is an argument (a tuple of objects); "dynamic" is a block.
  ASSERT_NE(sg->content.attr("ingress"), nullptr);
  EXPECT_EQ(sg->content.attr("ingress")->expr->kind, syntax::ExprKind::kTuple);
  EXPECT_EQ(sg->content.attr("//"), nullptr);
  auto dynamics = sg->content.blocksOfType("dynamic");
  ASSERT_EQ(dynamics.size(), 1u);
  EXPECT_EQ(dynamics[0]->labels, std::vector<std::string_view>{"egress"});
  EXPECT_NE(dynamics[0]->content.attr("for_each"), nullptr);
  auto contents = dynamics[0]->content.blocksOfType("content");
  ASSERT_EQ(contents.size(), 1u);
  EXPECT_NE(contents[0]->content.attr("from_port"), nullptr);
  auto nested = contents[0]->content.blocksOfType("dynamic");
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested[0]->labels, std::vector<std::string_view>{"nested"});
  EXPECT_EQ(where(dynamics[0]->content.file, dynamics[0]->header_range), "41:11-41:22");

  const Resource* ami = m->resource(ResourceMode::kData, "aws_ami", "ubuntu");
  ASSERT_NE(ami, nullptr);
  EXPECT_NE(ami->content.attr("most_recent"), nullptr);

  const ModuleCall* net = m->moduleCall("net");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->source, "./net");
  EXPECT_EQ(text(net->count), "1");
  ASSERT_EQ(net->arguments.size(), 1u);
  EXPECT_EQ(net->arguments[0].name, "cidr");

  ASSERT_NE(m->output("id"), nullptr);
  EXPECT_TRUE(m->output("id")->sensitive);
  EXPECT_EQ(m->moved.size(), 1u);
  EXPECT_EQ(m->imports.size(), 1u);
  ASSERT_EQ(m->checks.size(), 1u);
  EXPECT_EQ(m->checks[0].content.blocksOfType("assert").size(), 1u);
  auto scoped = m->checks[0].content.blocksOfType("data");
  ASSERT_EQ(scoped.size(), 1u);
  EXPECT_EQ(scoped[0]->labels, (std::vector<std::string_view>{"http", "site"}));
  ASSERT_EQ(m->removed.size(), 1u);
  EXPECT_EQ(m->removed[0].content.blocksOfType("lifecycle").size(), 1u);
}

TEST(ModelJson, DeclarationRanges) {
  Files files;
  files.add("main.tf.json",
            "{\n  \"resource\": {\n    \"aws_instance\": {\n      \"web\": {\n"
            "        \"ami\": \"x\"\n      }\n    }\n  }\n}\n");
  auto m = files.build();
  const Resource& r = m->resources.at(0);
  // From the name label to the body's brace (Terraform's DeclRange is the brace).
  EXPECT_EQ(where(r.decl.file, r.decl.header_range), "4:7-4:15");
  EXPECT_EQ(where(r.decl.file, r.decl.name_range), "4:7-4:12");
  EXPECT_EQ(where(r.decl.file, r.decl.range), "4:7-6:8");
  const Attr* ami = r.content.attr("ami");
  ASSERT_NE(ami, nullptr);
  EXPECT_EQ(where(ami->file, ami->name_range), "5:9-5:14");
  EXPECT_EQ(where(ami->file, ami->range), "5:9-5:19");
}

TEST(ModelJson, DuplicatesAcrossSyntaxes) {
  Files files;
  files.add("a.tf", "variable \"x\" {}\n");
  files.add("b.tf.json", "{\"variable\": {\"x\": {}}}");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  EXPECT_EQ(m->findings[0].summary, "Duplicate variable declaration");
  EXPECT_EQ(m->findings[0].detail,
            "A variable named \"x\" was already declared at a.tf:1,1-13. Variable names must be "
            "unique within a module.");
  EXPECT_EQ(where(m->findings[0].location), "1:15-1:21");
}

TEST(ModelJson, LabelsWithEscapesAreDecoded) {
  Files files;
  files.add("main.tf.json", R"j({"resource": {"aws_x": {"a\u0062": {}}}})j");
  auto m = files.build();
  ASSERT_EQ(m->resources.size(), 1u);
  EXPECT_EQ(m->resources[0].name, "ab");
}

TEST(ModelJson, RootArrayAndUnknownProperties) {
  Files files;
  files.add("main.tf.json", R"j([{"locals": {"a": 1}}, {"resorce": {}, "locals": [{"b": 2}]}])j");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 1u) << summaries(m->findings);
  EXPECT_EQ(m->findings[0].rule, "invalid-config");
  EXPECT_EQ(m->findings[0].summary, "Extraneous JSON object property");
  EXPECT_EQ(m->findings[0].detail,
            "No argument or block type is named \"resorce\". Did you mean \"resource\"?");
  EXPECT_EQ(where(m->findings[0].location), "1:25-1:34");
  EXPECT_EQ(m->locals.size(), 2u);
}

TEST(ModelJson, WrongValueTypes) {
  Files files;
  files.add("main.tf.json",
            R"j({"variable": {"v": "x"}, "resource": {"aws_x": ["y"]}, "locals": 3})j");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 3u) << summaries(m->findings);
  for (const Finding& f : m->findings) {
    EXPECT_EQ(f.summary, "Incorrect JSON value type");
    EXPECT_EQ(f.rule, "invalid-config");
  }
  EXPECT_EQ(m->findings[0].detail,
            "A JSON object is required here, setting the arguments for this block.");
  EXPECT_EQ(where(m->findings[0].location), "1:20-1:23");
  EXPECT_TRUE(m->variables.empty());
}

TEST(ModelJson, InvalidTypeStrings) {
  Files files;
  files.add(
      "main.tf.json",
      R"j({"variable": {"a": {"type": "strin"}, "b": {"type": "list(string"}, "c": {"type": 1}}})j");
  auto m = files.build();
  ASSERT_EQ(m->findings.size(), 3u) << summaries(m->findings);
  EXPECT_EQ(m->findings[0].detail, "The keyword \"strin\" is not a valid type specification.");
  EXPECT_EQ(where(m->findings[0].location), "1:30-1:35");
  EXPECT_EQ(m->findings[1].rule, "invalid-config");
  EXPECT_EQ(m->findings[2].summary, "Invalid type specification");
  ASSERT_EQ(m->variables.size(), 3u);
  EXPECT_TRUE(m->variables[0].type.isDynamic());
}

TEST(ModelJson, ListAndMapShorthandsInJson) {
  Files files;
  files.add("main.tf.json",
            R"j({"variable": {"a": {"type": "list"}, "b": {"type": "map(bool)"}}})j");
  auto m = files.build();
  EXPECT_TRUE(m->findings.empty()) << summaries(m->findings);
  EXPECT_EQ(m->variables[0].type, eval::Type::list(eval::Type::dynamic()));
  EXPECT_EQ(m->variables[1].type, eval::Type::map(eval::Type::boolean()));
}

}  // namespace
}  // namespace tfguard::model
