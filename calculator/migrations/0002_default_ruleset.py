"""Installs the default ruleset of RULES.md, published and effective 2023-01-01.

Frozen literals in the shape engine.build_ruleset() reads (the engine tests score this very literal).
Creates the ruleset only if its version is missing: an editor's later changes are never overwritten.
"""

from django.db import migrations

_BASIS_MAIN = (
    "依据：《上海市居住证积分管理办法》（沪府发〔2017〕98号，2018-01-01 起施行；"
    "沪府规〔2022〕21号修订，有效期 2023-01-01 至 2027-12-31，指标分值未变）"
)
_BASIS_EN = "官方英文本：english.shanghai.gov.cn《Administrative Procedures of Shanghai Municipality for Residence Card Points》（2017-12-28）"
_BASIS_TITLE = "崇明区政府网站关于职称、技能等级与社保基数条件的说明（shcm.gov.cn，2021-09-11）"
_BASIS_2023 = "沪府规〔2022〕21号下的 2023 年指标表，学历与职称二选一取高（hwfdj.com/jifen/1481.html）"
_BASIS_ART8 = "第八条（减分指标）原文引述见 shluohubang.com/jzh/7025.html"
_BASIS_ART9 = "第九条（一票否决指标）原文引述见 shluohubang.com/jzh/7025.html"


def _basis(*parts):
    return "；".join(parts) + "。发布前请对照市人社局网站的中文原文核对。"


DEFAULT_RULESET = {
    "version": "2023-01",
    "name": "上海市居住证积分指标（沪府规〔2022〕21号）",
    "effective_from": "2023-01-01",
    "threshold": 120,
    "floor": 0,
    "groups": [
        {"key": "education_or_title", "label": "学历与职称/技能二选一", "cap": None},
        {"key": "investment", "label": "投资创业（纳税或聘用取高）", "cap": 120},
    ],
    "indicators": [
        {
            "key": "age",
            "label": "年龄",
            "category": "basic",
            "kind": "banded",
            "unit": "周岁",
            "min_value": 16,
            "max_value": 80,
            "help_text": "按申请时的实际周岁填写。",
            "basis": _basis(_BASIS_MAIN + "基础指标·年龄", _BASIS_EN),
            "bands": [
                # 56–60 周岁计 5 分，每年轻 1 岁加 2 分，最高 30 分：所以 43 周岁及以下均为 30 分。
                {"low": 16, "high": 43, "points": 30},
                {"low": 44, "high": 44, "points": 29},
                {"low": 45, "high": 45, "points": 27},
                {"low": 46, "high": 46, "points": 25},
                {"low": 47, "high": 47, "points": 23},
                {"low": 48, "high": 48, "points": 21},
                {"low": 49, "high": 49, "points": 19},
                {"low": 50, "high": 50, "points": 17},
                {"low": 51, "high": 51, "points": 15},
                {"low": 52, "high": 52, "points": 13},
                {"low": 53, "high": 53, "points": 11},
                {"low": 54, "high": 54, "points": 9},
                {"low": 55, "high": 55, "points": 7},
                {"low": 56, "high": 60, "points": 5},
                {
                    "low": 61,
                    "high": 80,
                    "points": 0,
                    "notice": "积分制度面向 60 周岁及以下的人员，超过 60 周岁一般不能按积分申办，"
                    "下面的分数仅供参考，请先向单位或受理窗口确认。",
                },
            ],
        },
        {
            "key": "education",
            "label": "最高学历学位",
            "category": "basic",
            "kind": "choice",
            "group": "education_or_title",
            "help_text": "国家承认的学历、学位。与职称/技能等级只算分数较高的一项。",
            "basis": _basis(_BASIS_MAIN + "基础指标·教育背景", _BASIS_2023),
            "options": [
                {"code": "none", "label": "大专以下", "points": 0},
                {"code": "junior_college", "label": "大专（高职）", "points": 50},
                {"code": "bachelor", "label": "大学本科学历", "points": 60},
                {"code": "bachelor_degree", "label": "大学本科学历和学士学位", "points": 90},
                {"code": "master", "label": "硕士研究生学历学位", "points": 100},
                {"code": "doctor", "label": "博士研究生学历学位", "points": 110},
            ],
        },
        {
            "key": "title_skill",
            "label": "职称或职业技能等级",
            "category": "basic",
            "kind": "choice",
            "group": "education_or_title",
            "help_text": "在沪工作期间取得、且与现岗位相符的专业技术职称或国家职业资格。"
            "与学历只算分数较高的一项。",
            "basis": _basis(_BASIS_MAIN + "基础指标·专业技术职称和技能等级", _BASIS_TITLE, _BASIS_2023),
            "options": [
                {"code": "none", "label": "没有", "points": 0},
                {"code": "junior_title", "label": "初级职称", "points": 0},
                {"code": "skill_5", "label": "五级（初级工）", "points": 15},
                {"code": "skill_4", "label": "四级（中级工）", "points": 30},
                {"code": "skill_3", "label": "三级（高级工）", "points": 60},
                {"code": "skill_2", "label": "二级（技师）", "points": 100, "requires": "title_base_ok"},
                {"code": "mid_title", "label": "中级职称", "points": 100, "requires": "title_base_ok"},
                {"code": "skill_1", "label": "一级（高级技师）", "points": 140, "requires": "title_base_ok"},
                {"code": "senior_title", "label": "高级职称", "points": 140, "requires": "title_base_ok"},
            ],
        },
        {
            "key": "title_base_ok",
            "label": "社保缴费基数达到上年度全市职工平均工资",
            "category": "basic",
            "kind": "condition",
            "help_text": "最近 12 个月里，至少有 6 个月的社保缴费基数不低于本市上年度职工平均工资。"
            "中级职称、高级职称、二级和一级技能须满足这一条才计分。",
            "basis": _basis(_BASIS_TITLE, _BASIS_MAIN),
        },
        {
            "key": "social_insurance_years",
            "label": "在沪缴纳职工社保年限",
            "category": "basic",
            "kind": "per_unit",
            "unit": "年",
            "points_per_unit": 3,
            "min_value": 0,
            "max_value": 60,
            "help_text": "按月正常缴纳本市职工社保的满年数；补缴的月份、非签约单位代缴的不算。",
            "basis": _basis(_BASIS_MAIN + "基础指标·在本市工作及缴纳职工社会保险年限", _BASIS_EN),
        },
        {
            "key": "si_base_tier",
            "label": "社保缴费基数加分",
            "category": "bonus",
            "kind": "choice",
            "help_text": "近年社保缴费基数相对本市上年度职工平均工资的倍数，只算最高一档；"
            "缴费基数须与个人所得税相符。",
            "basis": _basis(_BASIS_MAIN + "加分指标·缴纳职工社会保险费基数", _BASIS_EN),
            "options": [
                {"code": "none", "label": "不符合以下任何一档", "points": 0},
                {"code": "x0_8", "label": "近 4 年累计 36 个月，基数不低于 0.8 倍", "points": 25},
                {"code": "x1", "label": "近 4 年累计 36 个月，基数不低于 1 倍", "points": 50},
                {"code": "x2", "label": "近 4 年累计 36 个月，基数不低于 2 倍", "points": 100},
                {"code": "x3", "label": "近 3 年累计 24 个月，基数达到 3 倍", "points": 120},
            ],
        },
        {
            "key": "shortage_major",
            "label": "紧缺急需专业",
            "category": "bonus",
            "kind": "flag",
            "points": 30,
            "help_text": "所学专业在本市紧缺急需专业目录内，且在对应岗位工作。",
            "basis": _basis(_BASIS_MAIN + "加分指标·紧缺急需专业", _BASIS_EN),
        },
        {
            "key": "entrepreneur_talent",
            "label": "创业人才",
            "category": "bonus",
            "kind": "flag",
            "points": 120,
            "help_text": "经认定的创业人才。",
            "basis": _basis(_BASIS_MAIN + "加分指标·创业人才", _BASIS_EN),
        },
        {
            "key": "innovation_intermediary_talent",
            "label": "创新创业中介服务人才",
            "category": "bonus",
            "kind": "flag",
            "points": 120,
            "help_text": "经认定的创新创业中介服务人才。",
            "basis": _basis(_BASIS_MAIN + "加分指标·创新创业中介服务人才", _BASIS_2023),
        },
        {
            "key": "investment_tax_wan",
            "label": "投资企业年均纳税",
            "category": "bonus",
            "kind": "per_unit",
            "group": "investment",
            "unit": "万元",
            "unit_size": 10,
            "points_per_unit": 10,
            "start_at": 10,
            "min_value": 0,
            "max_value": 100000,
            "help_text": "您投资的企业近 3 年平均每年缴纳的税款中，按您的出资比例计算的金额。"
            "与聘用本市户籍人数只算较高的一项，最多 120 分。",
            "basis": _basis(_BASIS_MAIN + "加分指标·投资创业", _BASIS_EN),
        },
        {
            "key": "investment_local_hires",
            "label": "投资企业年均聘用本市户籍人数",
            "category": "bonus",
            "kind": "per_unit",
            "group": "investment",
            "unit": "人",
            "unit_size": 10,
            "points_per_unit": 10,
            "start_at": 10,
            "min_value": 0,
            "max_value": 100000,
            "help_text": "同一企业近 3 年平均每年聘用的本市户籍人数。与纳税只算较高的一项，最多 120 分。",
            "basis": _basis(_BASIS_MAIN + "加分指标·投资创业", _BASIS_EN),
        },
        {
            "key": "public_service_years",
            "label": "公共服务领域工作年限",
            "category": "bonus",
            "kind": "per_unit",
            "unit": "年",
            "points_per_unit": 4,
            "start_at": 5,
            "min_value": 0,
            "max_value": 60,
            "help_text": "在本市指定的公共服务领域（目前为环卫）工作的满年数，满 5 年起计分。",
            "basis": _basis(_BASIS_MAIN + "加分指标·特定公共服务领域", _BASIS_EN),
        },
        {
            "key": "remote_area_years",
            "label": "重点区域工作并居住年限",
            "category": "bonus",
            "kind": "per_unit",
            "unit": "年",
            "points_per_unit": 2,
            "start_at": 5,
            "cap": 20,
            "min_value": 0,
            "max_value": 60,
            "help_text": "在本市指定的远郊重点区域（目前为临港）既工作又居住的满年数，满 5 年起计分，最多 20 分。",
            "basis": _basis(_BASIS_MAIN + "加分指标·远郊重点区域", _BASIS_EN),
        },
        {
            "key": "fresh_graduate",
            "label": "全日制应届高校毕业生",
            "category": "bonus",
            "kind": "flag",
            "points": 10,
            "help_text": "以全日制应届高校毕业生身份申请。",
            "basis": _basis(_BASIS_MAIN + "加分指标·应届毕业生", _BASIS_EN),
        },
        {
            "key": "award",
            "label": "在沪工作期间获得的表彰",
            "category": "bonus",
            "kind": "choice",
            "help_text": "获得过多项时只算最高的一项。",
            "basis": _basis(_BASIS_MAIN + "加分指标·表彰奖励", _BASIS_EN),
            "options": [
                {"code": "none", "label": "没有", "points": 0},
                {"code": "municipal_special", "label": "市级机关专项表彰", "points": 30},
                {"code": "municipal_comprehensive", "label": "市级机关综合表彰", "points": 60},
                {"code": "provincial_or_above", "label": "省部级及以上表彰", "points": 110},
            ],
        },
        {
            "key": "spouse_hukou_years",
            "label": "与本市户籍人员结婚年限",
            "category": "bonus",
            "kind": "per_unit",
            "unit": "年",
            "points_per_unit": 4,
            "cap": 40,
            "min_value": 0,
            "max_value": 60,
            "help_text": "配偶为本市户籍，按结婚满年数计，最多 40 分。",
            "basis": _basis(_BASIS_MAIN + "加分指标·配偶为本市户籍人员", _BASIS_EN),
        },
        {
            "key": "false_materials_count",
            "label": "提供虚假材料",
            "category": "deduction",
            "kind": "deduction",
            "unit": "次",
            "points_per_unit": 150,
            "min_value": 0,
            "max_value": 20,
            "help_text": "近 3 年在身份、学历、就业、职称、婚姻、表彰等材料上提供虚假材料的次数。",
            "basis": _basis(_BASIS_ART8, _BASIS_MAIN),
        },
        {
            "key": "detention_count",
            "label": "行政拘留",
            "category": "deduction",
            "kind": "deduction",
            "unit": "次",
            "points_per_unit": 50,
            "min_value": 0,
            "max_value": 20,
            "help_text": "近 5 年受到行政拘留的次数。",
            "basis": _basis(_BASIS_ART8, _BASIS_MAIN),
        },
        {
            "key": "crime_count",
            "label": "一般刑事犯罪",
            "category": "deduction",
            "kind": "deduction",
            "unit": "次",
            "points_per_unit": 150,
            "min_value": 0,
            "max_value": 20,
            "help_text": "近 5 年因一般刑事犯罪被判刑的次数。",
            "basis": _basis(_BASIS_ART8, _BASIS_MAIN),
        },
        {
            "key": "veto_serious_crime",
            "label": "严重刑事犯罪记录",
            "category": "veto",
            "kind": "veto",
            "help_text": "有严重刑事犯罪记录的，不能按积分申办。",
            "basis": _basis(_BASIS_ART9, _BASIS_MAIN),
        },
        {
            "key": "veto_family_planning",
            "label": "违反计划生育政策",
            "category": "veto",
            "kind": "veto",
            "active": False,
            "help_text": "有违反国家和本市计划生育政策规定记录的。",
            "basis": _basis(
                _BASIS_ART9 + "（2018 年文本有此项）",
                "2022 年修订后是否保留尚未核实，默认未启用，核实后可由编辑启用",
            ),
        },
    ],
}


def install_default_ruleset(apps, schema_editor):
    RuleSet = apps.get_model("calculator", "RuleSet")
    if RuleSet.objects.filter(version=DEFAULT_RULESET["version"]).exists():
        return
    IndicatorGroup = apps.get_model("calculator", "IndicatorGroup")
    Indicator = apps.get_model("calculator", "Indicator")
    Option = apps.get_model("calculator", "Option")
    Band = apps.get_model("calculator", "Band")
    data = DEFAULT_RULESET
    ruleset = RuleSet.objects.create(
        version=data["version"],
        name=data["name"],
        effective_from=data["effective_from"],
        status="published",
        threshold=data["threshold"],
        floor=data["floor"],
        notes="系统自带的默认规则集（依据见各指标的“依据”）。",
    )
    groups = {g["key"]: IndicatorGroup.objects.create(ruleset=ruleset, **g) for g in data["groups"]}
    for order, fields in enumerate(data["indicators"], start=1):
        fields = dict(fields)
        options, bands = fields.pop("options", []), fields.pop("bands", [])
        group = groups.get(fields.pop("group", ""))
        indicator = Indicator.objects.create(ruleset=ruleset, order=order * 10, group=group, **fields)
        for option_order, option in enumerate(options, start=1):
            Option.objects.create(ruleset=ruleset, indicator=indicator, order=option_order, **option)
        for band in bands:
            Band.objects.create(ruleset=ruleset, indicator=indicator, **band)


def remove_default_ruleset(apps, schema_editor):
    apps.get_model("calculator", "RuleSet").objects.filter(version=DEFAULT_RULESET["version"]).delete()


class Migration(migrations.Migration):
    dependencies = [("calculator", "0001_rulesets")]

    operations = [migrations.RunPython(install_default_ruleset, remove_default_ruleset)]
