from django import forms

from renewal.forms import DateField
from schooling.timeline import ImplausibleBirth, check_birth

TOKEN_MAX = 32  # Assessment.token's max_length


class ChildForm(forms.Form):
    child_birth = DateField(
        label="孩子的出生日期",
        help_text="按户口簿或出生医学证明上的日期填写。",
        error_messages={"required": "请填写孩子的出生日期。"},
    )
    # The parent's own self-test result, carried along from its page (a random token, no answers).
    # Never an error of its own: a malformed or unknown token is "not found" (the page says so in Chinese)
    # and the child's timeline is still computed.
    result = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_result(self):
        token = self.cleaned_data["result"]
        return token if len(token) <= TOKEN_MAX else ""

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_child_birth(self):
        child_birth = self.cleaned_data["child_birth"]
        try:
            check_birth(child_birth, self.today)
        except ImplausibleBirth as error:
            raise forms.ValidationError(str(error)) from None
        return child_birth
