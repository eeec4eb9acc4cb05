// Tests of the HCL JSON syntax parser (filled in with the parser).
