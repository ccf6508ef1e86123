"""Installs the 居转户 conditions as researched on 2026-12-02, and lets the 编辑 group maintain them.

Frozen literals. A condition is created only if its key is missing: an editor's later edits are never
overwritten. `verified_on` is set where several public pages quote the same official text; where they
disagree or no text was found it stays empty, and the site shows the condition as "待核实".
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VERIFIED = "2026-12-02"
_ORDINANCE = "《持有〈上海市居住证〉人员申办本市常住户口办法》（上海市人民政府 2019 年 12 月 30 日印发）"
_RULES_2020 = "《持有〈上海市居住证〉人员申办本市常住户口办法实施细则》（沪人社规〔2020〕1号）"
_QUOTED = "（条文据多家公开页面的引述核对，彼此一致）"

CONDITIONS = [
    {
        "key": "card_years",
        "order": 10,
        "label": "持有《上海市居住证》的年限",
        "explanation": "累计持有《上海市居住证》的年数需达到规定年限。",
        "years": 7,
        "source": _ORDINANCE + "第五条第（一）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "si_years",
        "order": 20,
        "label": "持证期间缴纳本市职工社保的年限",
        "explanation": "持有居住证期间，按规定参加本市城镇职工社会保险的年数需达到规定年限；持证以前的社保不算。",
        "years": 7,
        "source": _ORDINANCE + "第五条第（二）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "tax",
        "order": 30,
        "label": "持证期间在本市依法纳税",
        "explanation": "持有居住证期间，依法在本市缴纳个人所得税。",
        "years": None,
        "source": _ORDINANCE + "第五条第（三）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "title",
        "order": 40,
        "label": "中级及以上职称或技师及以上职业资格，且与岗位对应",
        "explanation": (
            "取得本市中级及以上专业技术职称（职务）、专业技术类职业资格，或技师（二级）及以上职业资格"
            "（技能等级）证书，并被聘任在相应岗位上工作。持证以前在外省市取得的职称或资格，视同本市取得；"
            "持注册会计师证书或律师执业证、从事相应专业工作的，也可以申请。"
        ),
        "years": None,
        "source": _ORDINANCE + "第五条第（四）项；" + _RULES_2020 + "第二条第（三）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "record",
        "order": 50,
        "label": "没有不良记录",
        "explanation": "没有违反国家和本市计划生育政策的行为，没有治安管理处罚以上的违法犯罪记录，也没有其他方面的不良行为记录。",
        "years": None,
        "source": _ORDINANCE + "第五条第（五）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "senior_title",
        "order": 60,
        "label": "高级职称或高级技师，且与岗位相符：不受年限限制",
        "explanation": (
            "在沪工作期间取得本市高级专业技术职称（职务）或高级技师（一级）证书、并被聘任在相应岗位的，"
            "不受持证年限和参保年限的限制；纳税、无不良记录等其他条件仍要满足。"
        ),
        "years": None,
        "source": _ORDINANCE + "第六条第（一）项；" + _RULES_2020 + "第三条第（五）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "remote",
        "order": 70,
        "label": "在远郊地区教育、卫生等岗位工作：年限缩短",
        "explanation": (
            "在本市远郊地区的教育、卫生等岗位工作满规定年数的，持证年限和参保年限也只需满同样的年数。"
            "哪些单位和岗位算在内，以主管部门公布的名单为准。"
        ),
        "years": 5,
        "source": _ORDINANCE + "第六条第（二）项" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "key": "salary_alternative",
        "order": 80,
        "label": "社保基数或薪酬达到一定水平：可代替职称",
        "explanation": (
            "公开页面多这样引述：最近连续 3 年在本市缴纳社保的基数高于上年度全市职工平均工资的 2 倍，"
            "或最近连续 3 年计税薪酬高于上年同行业中级技术、技能或管理岗位的年均薪酬，可以不受职称"
            "或职业资格的限制。现行细则的具体口径（年限、倍数、连续还是累计）各家说法不一。"
        ),
        "years": None,
        "source": _ORDINANCE + "第六条第（三）项（现行口径未能核实：公开页面的引述互有出入）",
        "verified_on": None,
    },
    {
        "key": "late_endorsement",
        "order": 90,
        "label": "签注逾期超过 60 天，居住年限重新计算",
        "explanation": (
            "居住证每年要签注一次。有效期满后 60 天内补办签注的，居住年限连续计算；超过 60 天才补办的，"
            "居住年限从补办签注那天起重新计算。"
        ),
        "years": None,
        "source": "《上海市居住证》签注规定（与本站签注期限自查的依据相同）",
        "verified_on": VERIFIED,
    },
    {
        "key": "title_base",
        "order": 100,
        "label": "以职称申请时的社保基数要求",
        "explanation": (
            "据公开解读，2020 年的实施细则还要求以中级职称或技师申请的人，持证期间的社保缴费基数达到"
            "一定水平（“市场化评价标准”），各家引述的倍数和年限不一。"
        ),
        "years": None,
        "source": _RULES_2020 + "（相关条文未能核实）",
        "verified_on": None,
    },
]

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = ["view_settlecondition", "change_settlecondition"]


def install(apps, schema_editor):
    SettleCondition = apps.get_model("settle", "SettleCondition")
    for row in CONDITIONS:
        fields = {key: value for key, value in row.items() if key != "key"}
        SettleCondition.objects.get_or_create(key=row["key"], defaults=fields)
    # Permissions are normally created after migrate; create them now so the group can hold them.
    app_config = apps.get_app_config("settle")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*_permissions(apps))


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="settle", codename__in=EDITOR_PERMISSIONS)


def uninstall(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))
    apps.get_model("settle", "SettleCondition").objects.filter(
        key__in=[row["key"] for row in CONDITIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("settle", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
