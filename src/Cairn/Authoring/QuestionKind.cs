namespace Cairn;

/// <summary>The kind of answer a question expects.</summary>
public enum QuestionKind
{
    /// <summary>Free text.</summary>
    Text = 0,

    /// <summary>Yes or no; the answer is a boolean.</summary>
    Approval = 1,

    /// <summary>One of the question's options; the answer is the option's id.</summary>
    Choice = 2,
}
