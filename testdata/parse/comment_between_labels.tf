resource /* type */ "aws_instance" /* name */ "web" /* body */ {
  ami = "x"
}
