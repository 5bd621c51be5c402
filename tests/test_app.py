"""The Gradio app serves the chat and the /ask API (driven with gradio_client)."""

import socket

import pytest


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def running_app(service):
    import app

    demo = app.build_app(service)
    port = _free_port()
    app.launch(demo, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_ask_endpoint_returns_the_cli_json_object(running_app):
    from gradio_client import Client

    client = Client(running_app, verbose=False)
    result = client.predict("How much money did Zhipu AI raise in its Hong Kong IPO?", None, api_name="/ask")
    assert not result["abstained"]
    assert any(c["source"] == "001_059b92a04e5dc1f0.txt" and "5억 5800만 달러" in c["text"] for c in result["citations"])
    follow = client.predict("And what about MiniMax?", ["How much did Zhipu AI raise in its IPO?"], api_name="/ask")
    assert follow["follow_up_context"] == ["How much did Zhipu AI raise in its IPO?"]


def test_page_is_served(running_app):
    import httpx

    page = httpx.get(running_app, timeout=30)
    assert page.status_code == 200
    assert "Korean news Q&amp;A" in page.text  # the Blocks title, in the page config


def test_page_carries_the_citation_script_and_styles(running_app):
    import httpx

    page = httpx.get(running_app, timeout=30).text
    assert "cite-chip" in page and "source-card.active" in page


def test_logins_from_the_environment():
    import app

    assert app.auth_from_env({}) is None
    assert app.auth_from_env({"RAG_AUTH": "ann:s3cret, bob:pa:ss"}) == [("ann", "s3cret"), ("bob", "pa:ss")]
    with pytest.raises(SystemExit, match="RAG_AUTH must look like 'user:password'") as err:
        app.auth_from_env({"RAG_AUTH": "ann"})
    assert "ann" not in str(err.value).split("got")[1]  # the bad entry may be a password: never echoed
