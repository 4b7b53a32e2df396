"""redirectUrl values no emailed link may carry, for every mutation taking one."""

# Each of these reads as an allowed host to some parser, or is no web page.
HOSTILE_URLS = {
    "backslash user-info": "http://evil.example\\@localhost/reset",
    "backslash as slash": "http://localhost\\.evil.example/reset",
    "scheme-relative": "//evil.example/reset",
    "no scheme": "evil.example/reset",
    "user-info": "http://localhost@evil.example/reset",
    "encoded slash user-info": "http://evil.example%2F@localhost/reset",
    "port-like user-info": "http://localhost:8000@evil.example/reset",
    "tab inside": "http://evil.example\t@localhost/reset",
    "newline inside": "http://localhost\n.evil.example/reset",
    "carriage return inside": "http://evil.example\r\\@localhost/reset",
    "leading space": " http://evil.example/reset",
    "zero-width space": "http://local\u200bhost.evil.example/reset",
    "javascript": "javascript:alert(document.cookie)//localhost/",
    "javascript uppercase": "JAVASCRIPT://localhost/%0Aalert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "ftp": "ftp://localhost/reset",
    "idn look-alike": "http://l\u043ecalhost/reset",
    "punycode look-alike": "http://xn--lcalhost-nbh/reset",
    "allowed host as a subdomain": "http://localhost.evil.example/reset",
    "uppercase foreign host": "HTTP://EVIL.EXAMPLE/reset",
    "trailing dot": "http://localhost./reset",
    "foreign host with a port": "http://evil.example:8000/reset",
    "port out of range": "http://localhost:99999/reset",
}
