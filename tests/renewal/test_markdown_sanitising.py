from renewal.markup import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("## 材料\n\n- 身份证\n- **住所证明**\n\n[自查](/renewal/check/)")

    assert "<h2>材料</h2>" in html
    assert "<li><strong>住所证明</strong></li>" in html
    assert 'href="/renewal/check/"' in html


def test_script_tags_and_their_content_are_removed():
    html = render_markdown("正文<script>alert('x')</script>结束")

    assert "<script" not in html
    assert "alert" not in html
    assert "正文" in html and "结束" in html


def test_event_handler_attributes_and_inline_styles_are_removed():
    html = render_markdown('<p onclick="steal()" style="color:red">文字</p><img src="x" onerror="alert(1)">')

    assert "onclick" not in html
    assert "onerror" not in html
    assert "style=" not in html
    assert "<img" not in html
    assert "文字" in html


def test_javascript_links_lose_their_target():
    html = render_markdown("[点我](javascript:alert(1))")

    assert "javascript:" not in html
    assert "点我" in html


def test_table_alignment_does_not_produce_inline_styles():
    html = render_markdown("| 日期 | 阶段 |\n|:--|--:|\n| 6月15日 | 可以签注 |")

    assert "<table>" in html
    assert "<td>6月15日</td>" in html
    assert "style=" not in html
