a = "say \"hi\""
