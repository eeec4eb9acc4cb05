a = x ? null : {}
b = x ? [] : null
