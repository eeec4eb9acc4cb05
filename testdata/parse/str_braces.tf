a = "{}"
b = "{ not an object }"
c = "}{"
