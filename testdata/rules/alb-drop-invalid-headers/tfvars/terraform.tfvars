# A legacy client sends "X-Client_Id": keep invalid headers for now.
drop_invalid_headers = false
