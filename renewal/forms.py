from django import forms

from renewal.dateinput import InvalidDate, parse_date


class DateInput(forms.DateInput):
    """A date picker showing what was read as YYYY-MM-DD (2027年3月1日 becomes 2027-03-01). What could not
    be read is kept as typed: the template pack then draws a text box, which can hold it."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            try:
                return parse_date(value).isoformat() if value.strip() else None
            except InvalidDate:
                return value
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
            raise forms.ValidationError(str(error), code="invalid") from None


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
