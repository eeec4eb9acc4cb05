a = foo.**
