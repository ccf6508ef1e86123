"""The 居转户 self-check form: the questions behind POST /api/v1/settle, in the same order and with the
same defaults. A shortcut an editor has switched off is not asked."""

from django import forms

from settle import rules

YES, NO = "yes", "no"
YES_NO = [(YES, "是"), (NO, "否")]

_YEARS_MESSAGES = {
    "required": "请填写年数；不满一年填 0。",
    "invalid": "请填写整数，只用阿拉伯数字，例如 5。",
    "min_value": "不能小于 %(limit_value)s。",
    "max_value": "不能大于 %(limit_value)s。",
}


def _years(label, help_text, *, required=True):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=rules.MAX_YEARS,
        required=required,
        initial=None if required else 0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages=_YEARS_MESSAGES,
    )


def _yes_no(label, help_text, initial):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
        initial=initial,
        error_messages={"required": "请选择“是”或“否”。", "invalid_choice": "请选择“是”或“否”。"},
    )


class SettleForm(forms.Form):
    card_years = _years(
        "持有《上海市居住证》几年了？",
        "只算整年。签注逾期超过 60 天的，只算补办签注以后的年数（见页面下方的说明）。",
    )
    si_years = _years("持证期间在上海缴纳职工社保几年了？", "只算持有居住证期间、整年的。")
    title = forms.ChoiceField(
        label="您的职称或职业资格（取最高的一项）",
        choices=rules.TITLES,
        initial="none",
        error_messages={"required": "请选择一项。", "invalid_choice": "请从列表中选择一项。"},
    )
    title_matches_job = _yes_no(
        "这个职称或职业资格和您现在的岗位对应吗？", "专业、工种与岗位相符，并被单位聘任在相应岗位。", YES
    )
    remote_edu_health_years = _years(
        "在上海远郊地区的学校、医院等教育卫生岗位工作了几年？", "没有填 0。", required=False
    )
    # Its help is the editors' wording of the condition (settle_rules): the standard itself, not "明显高于".
    salary_alternative = _yes_no("没有中级职称的话：您的社保缴费基数或计税薪酬达到下面这条标准了吗？", "", NO)
    tax_paid = _yes_no("持证期间，是否一直在上海依法缴纳个人所得税？", "", YES)
    bad_record = _yes_no("是否有违法犯罪、违反计划生育政策等不良记录？", "治安管理处罚以上的记录都算。", NO)

    def __init__(self, settle_rules: rules.SettleRules, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, key in (("remote_edu_health_years", rules.REMOTE), ("salary_alternative", rules.SALARY)):
            if settle_rules.active(key) is None:
                del self.fields[field]
        salary = settle_rules.active(rules.SALARY)
        if salary is not None:
            unverified = "" if salary.source.verified else "（本站还没能对照正式文本核实这条标准，待核实）"
            self.fields["salary_alternative"].help_text = salary.explanation + unverified

    def answers(self) -> rules.SettleAnswers:
        values = {name: value for name, value in self.cleaned_data.items() if value is not None}
        return rules.SettleAnswers(**values)
