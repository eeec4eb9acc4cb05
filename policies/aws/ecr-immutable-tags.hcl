policy "ecr-immutable-tags" {
  severity = "note"
  summary  = "ECR repositories should make image tags immutable"
  tags     = ["security", "reliability"]

  description = <<-EOT
    ## What fails

    An `aws_ecr_repository` whose `image_tag_mutability` is not `IMMUTABLE`
    or `IMMUTABLE_WITH_EXCLUSION`: left out (the default is `MUTABLE`),
    `MUTABLE`, or `MUTABLE_WITH_EXCLUSION` (mutable except for the tags its
    filters name).

    `IMMUTABLE_WITH_EXCLUSION` passes: every tag is immutable except those
    matching its `image_tag_mutability_exclusion_filter` blocks, which is
    the supported way to keep a moving tag such as `latest` next to
    immutable release tags. A value known only at apply leaves the check
    undecided.

    ## Why

    With mutable tags, `api:1.4.2` today and `api:1.4.2` tomorrow can be
    different images. A rebuild that pushes over an existing tag changes
    what new tasks, pods and scaled-out nodes run without any change in the
    task definition or manifest, so two instances of "the same version"
    behave differently and a rollback to the previous tag may not roll
    back anything. It is also a supply-chain risk: a leaked CI credential
    can replace a production tag in place, and deployments that pin tags
    pick up the replacement silently, after the image was scanned and
    approved. Immutable tags make each tag name one image forever; deploy by
    tag or by digest.
  EOT

  bad_example = <<-EOT
    resource "aws_ecr_repository" "worker" {
      name = "worker"
    }
  EOT

  good_example = <<-EOT
    resource "aws_ecr_repository" "worker" {
      name                 = "worker"
      image_tag_mutability = "IMMUTABLE"
    }
  EOT

  resource = "aws_ecr_repository"

  assert  = self.image_tag_mutability == "IMMUTABLE" || self.image_tag_mutability == "IMMUTABLE_WITH_EXCLUSION"
  at      = "image_tag_mutability"
  message = "repository ${instance.address} has mutable image tags (image_tag_mutability ${self.image_tag_mutability == null ? "unset, default MUTABLE" : "= \"${self.image_tag_mutability}\""})"
  detail  = "Set image_tag_mutability = \"IMMUTABLE\" and give every build a unique tag (the commit SHA or a version). If a moving tag such as latest is needed, use \"IMMUTABLE_WITH_EXCLUSION\" with an image_tag_mutability_exclusion_filter for it."
}
