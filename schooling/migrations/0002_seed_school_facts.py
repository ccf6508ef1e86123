"""Installs the school facts as researched on 2026-12-02, and lets the 编辑 group maintain them.

Frozen literals, created only when missing: an editor's later edits are never overwritten. `verified_on`
is set where public pages quote an official text consistently; otherwise it stays empty and the site
says "待核实".
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VERIFIED = "2026-12-02"
_QUOTED = "（据公开页面的引述核对）"

SCHOOL_SYSTEM = {
    "entry_age": 6,
    "cutoff_month": 8,
    "cutoff_day": 31,
    "entry_source": "上海市每年发布的义务教育阶段学校招生入学工作文件（本站尚未找到可以核对的条文）",
    "entry_verified_on": None,
    "primary_years": 5,
    "junior_years": 4,
    "stages_source": "上海市教委：自 2004 学年度起，本市义务教育阶段全面实行“五四”学制，小学五年、初中四年（据当年的新闻报道核对）",
    "stages_verified_on": VERIFIED,
}

PROCESSING = {
    "working_days": 30,
    "source": "本站预留的估算：尚未找到积分申请审核时限的正式文本",
    "verified_on": None,
}

WINDOWS = [
    {
        "year": 2021,
        "opens": "2020-12-14",
        "closes": "2020-12-23",
        "late_until": None,
        "note": "应届初三学生由学籍学校统一组织网上报名。",
        "source": "《2021 年上海市高中阶段学校招生报名工作的通知》" + _QUOTED,
        "verified_on": VERIFIED,
    },
]

ROUTES = [
    {
        "order": 10,
        "name": "全日制中等职业学校（含中高职贯通、五年一贯制）",
        "who": (
            "父母一方持有效期内的《上海市居住证》，并在报名当年 5 月 7 日前在本市参加职工社保累计满 6 个月"
            "（或连续 3 年办妥灵活就业登记）；孩子在本市全日制初中连续就读 3 年，是应届初三学生，本人持有效期内的"
            "居住证或居住登记凭证。"
        ),
        "leads_to": "报名本市全日制普通中等职业学校面向随迁子女的自主招生；不能报考普通高中。",
        "source": "上海市教委《关于做好 2021 年全日制普通中等职业学校自主招收本市初中应届毕业生中来沪人员随迁子女报名工作的通知》"
        + _QUOTED
        + "；日期以当年通知为准",
        "verified_on": VERIFIED,
    },
    {
        "order": 20,
        "name": "父母一方取得本市户口（例如居转户）",
        "who": (
            "父母一方现为本市常住户口；孩子有连续 3 年的本市初中学籍，并且本人持有效期内连续满 3 年的"
            "《上海市居住证》，或居住证上的地址与这位父亲（母亲）的实际居住地址一致。"
        ),
        "leads_to": "和本市户籍学生一样报名中考，可以报考普通高中。",
        "source": "《2023 年上海市高中阶段学校招生报名工作的通知》报名条件" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "order": 30,
        "name": "父母一方持《上海市海外人才居住证》",
        "who": "父母一方和孩子本人都持有效期内的《上海市海外人才居住证》，孩子是本市应届初三学生。",
        "leads_to": "在学籍学校所在区报名中考。",
        "source": "《2023 年上海市高中阶段学校招生报名工作的通知》报名条件" + _QUOTED,
        "verified_on": VERIFIED,
    },
    {
        "order": 40,
        "name": "回户籍所在地升学",
        "who": "按户籍所在地的规定办理；不少地方要求在当地有学籍或提前回去就读。",
        "leads_to": "在户籍所在地报名中考和高考。",
        "source": "各地中考报名规定（各地不同，本站未核实）",
        "verified_on": None,
    },
]

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [
    *(
        f"{action}_{model}"
        for model in ("schoolsystem", "pointsprocessingtime")
        for action in ("view", "change")
    ),
    *(
        f"{action}_{model}"
        for model in ("registrationwindow", "routewithoutpoints")
        for action in ("view", "add", "change", "delete")
    ),
]


def install(apps, schema_editor):
    model = apps.get_model
    if not model("schooling", "SchoolSystem").objects.exists():
        model("schooling", "SchoolSystem").objects.create(**SCHOOL_SYSTEM)
    if not model("schooling", "PointsProcessingTime").objects.exists():
        model("schooling", "PointsProcessingTime").objects.create(**PROCESSING)
    for window in WINDOWS:
        fields = {key: value for key, value in window.items() if key != "year"}
        model("schooling", "RegistrationWindow").objects.get_or_create(year=window["year"], defaults=fields)
    for route in ROUTES:
        fields = {key: value for key, value in route.items() if key != "name"}
        model("schooling", "RouteWithoutPoints").objects.get_or_create(name=route["name"], defaults=fields)
    # Permissions are normally created after migrate; create them now so the group can hold them.
    app_config = apps.get_app_config("schooling")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = model("auth", "Group").objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*_permissions(apps))


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="schooling", codename__in=EDITOR_PERMISSIONS)


def uninstall(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("schooling", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
