a = "%{if var.on}yes%{else}no%{endif}"
