"""Manual check: the official Python MCP SDK's OAuth client against a running service.

Not part of the suite (it needs Python and the `mcp` package). Run it against the zero-config
start of either product, whose embedded sandbox serves as the account:

    python3 -m venv /tmp/pyenv && /tmp/pyenv/bin/pip install mcp   # checked with mcp 2.3.0
    npm start                                   # in another terminal (or PORT=3457 npm start)
    SANDBOX_PRODUCT=freshservice npm start      # or: the Freshservice sandbox
    /tmp/pyenv/bin/python test/manual/python-oauth-check.py http://127.0.0.1:3000/mcp

Given only the /mcp URL, `mcp.client.auth.OAuthClientProvider` discovers the authorization
server, registers itself, and opens the consent page; this script plays the browser: it reads
the form's hidden fields, posts a seeded sandbox agent's own key in `freshdesk_api_key`,
approves, and hands the code back. Then it lists tools and, for Freshdesk, calls
get_current_agent; for Freshservice, pages filter_tickets with its cursor and reads a ticket and
the requester's assets. Both add a note and check in the sandbox that it carries that agent's
user_id. Exits non-zero on any mismatch.
"""

import asyncio
import base64
import html
import re
import sys
import time
from urllib.parse import parse_qs, urljoin, urlparse

import httpx2 as httpx
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider, TokenStorage
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthClientMetadata, OAuthToken

MCP_URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000/mcp"
SANDBOX_ADMIN_KEY = sys.argv[2] if len(sys.argv) > 2 else "sandbox"
BASE = MCP_URL.rsplit("/mcp", 1)[0]
REDIRECT = "http://127.0.0.1:8976/callback"


class MemoryStorage(TokenStorage):
    def __init__(self):
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self):
        return self.tokens

    async def set_tokens(self, tokens):
        self.tokens = tokens

    async def get_client_info(self):
        return self.client

    async def set_client_info(self, client_info):
        self.client = client_info


def hidden_fields(page: str) -> dict[str, str]:
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    }


def sandbox_agent() -> dict:
    auth = base64.b64encode(f"{SANDBOX_ADMIN_KEY}:X".encode()).decode()
    agents = httpx.get(f"{BASE}/sandbox/_sandbox/agents", headers={"Authorization": f"Basic {auth}"}).json()
    # Freshdesk's agents carry a ticket scope; Freshservice's their groups (member_of).
    if "member_of" in agents[0]:
        return next(a for a in agents if "Account Admin" not in a["roles"])
    return next(a for a in agents if a["ticket_scope"] == 1 and "Account Administrator" not in a["roles"])


AGENT = sandbox_agent()
print(f"signing in as sandbox agent {AGENT['id']} {AGENT['name']} <{AGENT['email']}>")
pending: dict[str, str] = {}


async def redirect_handler(authorization_url: str) -> None:
    """Plays the browser on the consent page: key, then Approve."""
    print("authorization URL:", authorization_url.split("?")[0], "with", sorted(parse_qs(urlparse(authorization_url).query)))
    origin = {"Origin": BASE}
    async with httpx.AsyncClient(follow_redirects=False) as browser:
        page = await browser.get(authorization_url)
        assert page.status_code == 200, (page.status_code, page.text[:300])
        action = urljoin(authorization_url, "/oauth/authorize")
        step = await browser.post(action, data={**hidden_fields(page.text), "freshdesk_api_key": AGENT["api_key"]}, headers=origin)
        assert step.status_code == 200, (step.status_code, step.text[:300])
        assert AGENT["name"] in html.unescape(step.text), "the confirmation page does not name the agent"
        done = await browser.post(action, data={**hidden_fields(step.text), "decision": "approve"}, headers=origin)
        assert done.status_code == 303, (done.status_code, done.text[:300])
        location = urlparse(done.headers["location"])
        query = parse_qs(location.query)
        print("consent redirected to", f"{location.scheme}://{location.netloc}{location.path}", "with", sorted(query))
        pending["code"] = query["code"][0]
        pending["state"] = query.get("state", [None])[0]
        pending["iss"] = query.get("iss", [None])[0]


async def callback_handler() -> AuthorizationCodeResult:
    return AuthorizationCodeResult(code=pending["code"], state=pending["state"], iss=pending["iss"])


async def freshdesk_checks(session: ClientSession, tools, headers) -> dict:
    me = await session.call_tool("get_current_agent", {})
    assert not me.is_error, me
    print("get_current_agent:", me.structured_content.get("id"), me.structured_content.get("name"))
    assert me.structured_content["id"] == AGENT["id"], "get_current_agent names another agent"
    return httpx.post(
        f"{BASE}/sandbox/api/v2/tickets",
        headers=headers,
        json={"subject": "Python SDK check", "description": "hello", "email": "py-check@example.com", "priority": 1, "status": 2},
    ).json()


async def freshservice_checks(session: ClientSession, tools, headers) -> dict:
    names = {tool.name for tool in tools}
    assert {"filter_tickets", "list_requester_assets", "place_service_request"} <= names
    assert "get_current_agent" not in names, "a Freshdesk tool in a Freshservice deployment"
    first = await session.call_tool("filter_tickets", {"query": "status:4 OR status:5"})
    assert not first.is_error, first
    page = first.structured_content
    print(f"filter_tickets: total={page['total']} first page={len(page['items'])} cursor={bool(page.get('next_cursor'))}")
    second = await session.call_tool("filter_tickets", {"cursor": page["next_cursor"]})
    assert not second.is_error, second
    assert second.structured_content["items"][0]["id"] not in {t["id"] for t in page["items"]}
    requester = httpx.get(f"{BASE}/sandbox/api/v2/requesters?per_page=5", headers=headers).json()["requesters"][3]
    ticket = httpx.post(
        f"{BASE}/sandbox/api/v2/tickets",
        headers=headers,
        json={"subject": "Python SDK check", "description": "hello", "requester_id": requester["id"], "priority": 1, "status": 2},
    ).json()["ticket"]
    got = await session.call_tool("get_ticket", {"ticket_id": ticket["id"]})
    assert not got.is_error, got
    print("get_ticket:", got.structured_content["id"], got.structured_content.get("department_name"))
    assets = await session.call_tool("list_requester_assets", {"requester_id": requester["id"]})
    assert not assets.is_error, assets
    print("list_requester_assets:", [a["name"] for a in assets.structured_content["items"]])
    return ticket


async def main() -> None:
    storage = MemoryStorage()
    provider = OAuthClientProvider(
        server_url=MCP_URL,
        client_metadata=OAuthClientMetadata(
            client_name="Python SDK manual check",
            redirect_uris=[REDIRECT],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="none",
        ),
        storage=storage,
        redirect_handler=redirect_handler,
        callback_handler=callback_handler,
    )
    async with streamable_http_client(MCP_URL, http_client=create_mcp_http_client(auth=provider)) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            freshservice = "freshservice" in init.server_info.name
            tools = (await session.list_tools()).tools
            print(f"{init.server_info.name}: tools listed: {len(tools)}")
            auth = base64.b64encode(f"{SANDBOX_ADMIN_KEY}:X".encode()).decode()
            headers = {"Authorization": f"Basic {auth}"}
            ticket = await (freshservice_checks if freshservice else freshdesk_checks)(session, tools, headers)
            marker = f"Python SDK note {time.time()}"
            note = await session.call_tool("add_note", {"ticket_id": ticket["id"], "body": marker})
            assert not note.is_error, note
            conversations = httpx.get(f"{BASE}/sandbox/api/v2/tickets/{ticket['id']}/conversations", headers=headers).json()
            if freshservice:
                conversations = conversations["conversations"]
            written = next(c for c in conversations if marker in c["body_text"])
            print(f"add_note on ticket {ticket['id']}: user_id={written['user_id']}")
            assert written["user_id"] == AGENT["id"], "the note is attributed to another user"
    tokens = storage.tokens
    print(f"token_type={tokens.token_type} expires_in={tokens.expires_in} refresh_token issued={bool(tokens.refresh_token)} scope={tokens.scope}")
    assert tokens.expires_in is not None and tokens.expires_in <= 86_400
    assert tokens.refresh_token
    print("OK")


asyncio.run(main())
