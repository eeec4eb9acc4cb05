a = "→ ${var.名前} ←"
b = "%{if x}✓%{else}✗%{endif}"
