-- client_credentials at the token endpoint, the way a department system asks for an access token.
function init(args)
    wrk.method = "POST"
    wrk.body = "grant_type=client_credentials"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Authorization"] = "Basic " .. args[1]
end
