// (tests to be filled in)
