from django import forms

from renewal.dateinput import InvalidDate, parse_date

# A typed value longer than any date is cut when it is quoted back in the message.
QUOTED_MAX = 20


class DateInput(forms.DateInput):
    """A date picker whose value is always a date it can hold: the ISO form of what was understood, or
    nothing (what could not be read is quoted in the field's message instead, see DateField)."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                value = parse_date(value)
            except InvalidDate:
                return None
        return value.isoformat() if value else None


class DateField(forms.Field):
    """A date typed or picked by the user; every way it can be wrong gets a Chinese message."""

    widget = DateInput(attrs={"min": "2000-01-01", "max": "2099-12-31"})

    def to_python(self, value):
        if not value or not value.strip():
            return None
        try:
            return parse_date(value)
        except InvalidDate as error:
            typed = value.strip()
            typed = typed if len(typed) <= QUOTED_MAX else typed[:QUOTED_MAX] + "…"
            raise forms.ValidationError(f"您填的是“{typed}”：{error}", code="invalid") from None


class ExpiryForm(forms.Form):
    expiry = DateField(
        label="居住证有效期至",
        help_text="填证件上印的有效期截止日期，也就是证件有效的最后一天。",
        error_messages={"required": "请填写居住证的有效期截止日期。"},
    )


class AcceptedForm(forms.Form):
    accepted = DateField(
        label="受理日期",
        help_text="社区事务受理服务中心收下申请材料的那一天。",
        error_messages={"required": "请填写受理日期。"},
    )
